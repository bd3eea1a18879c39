package io.univinsight.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: a {@link DevStackMain} command on the dev-stack classpath, or another module's main class on its own. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static List<String> devStackCommand(Path projectRoot, String heap, List<String> args) {
        return command(projectRoot, "dev-stack", DevStackMain.class.getName(), heap, args);
    }

    /** mainClass of module (MODULE/target/MODULE.jar and its runtime.classpath), named rather than imported. */
    public static List<String> command(Path projectRoot, String module, String mainClass, String heap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(DevStackClasspath.javaBinary(), "-Xmx" + heap,
                "-Dlog4j2.configurationFile=univ-devstack-log4j2.properties",
                "-cp", DevStackClasspath.moduleClasspath(projectRoot, module), mainClass));
        command.addAll(args);
        return command;
    }

    /** A TCP port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

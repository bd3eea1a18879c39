package io.univinsight.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Command lines for child JVMs: a {@link DevStackMain} command on the dev-stack classpath, or another module's main class on its own. */
public final class ChildJvm {
    private static final int LOWEST_PORT = 10_000;
    /** Where the kernel's ephemeral ports start: read once, it does not change while tests run. */
    private static final int EPHEMERAL_START = ephemeralRangeStart();
    private static final Random RANDOM = new Random();
    /** Ports this JVM gave out already: two callers in a row must not get the same one before either binds it. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    /**
     * A TCP port free on 127.0.0.1 right now, and likely to stay free until a child binds it: taken below the kernel's
     * ephemeral range, which the kernel also hands out as the local end of outgoing connections (a port found free
     * there was once taken by a Kafka client's connection before the crawler, started a minute later, could bind it).
     * Falls back to an ephemeral port where the range leaves no room below it.
     */
    public static int freePort() {
        for (int attempt = 0; EPHEMERAL_START > LOWEST_PORT + 1000 && attempt < 200; attempt++) {
            int port = LOWEST_PORT + RANDOM.nextInt(EPHEMERAL_START - LOWEST_PORT);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Linux's ip_local_port_range start; elsewhere the IANA range's (49152, also macOS's). */
    private static int ephemeralRangeStart() {
        try {
            // A stream, not Files.readString: /proc files report size 0 and readString came back with "3" of "32768 60999".
            String range;
            try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}

package io.univinsight.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most N requests to one host at once, and request starts to one host
 * at least the delay apart. Callers block; different hosts never wait for each other.
 */
public class HostThrottle {
    private final int maxConnectionsPerHost;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final Semaphore connections;
        long nextStartNanos;

        Host(int permits) {
            connections = new Semaphore(permits, true);
        }
    }

    public HostThrottle(int maxConnectionsPerHost) {
        this.maxConnectionsPerHost = maxConnectionsPerHost;
    }

    /** Runs the request once the host allows it. */
    public <T, E extends Exception> T call(String host, Duration delay, Request<T, E> request) throws E, InterruptedException {
        Host h = hosts.computeIfAbsent(host, k -> new Host(maxConnectionsPerHost));
        h.connections.acquire();
        try {
            long waitNanos;
            synchronized (h) {
                long now = System.nanoTime();
                long start = Math.max(now, h.nextStartNanos);
                h.nextStartNanos = start + delay.toNanos();
                waitNanos = start - now;
            }
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
            return request.run();
        } finally {
            h.connections.release();
        }
    }

    @FunctionalInterface
    public interface Request<T, E extends Exception> {
        T run() throws E;
    }
}

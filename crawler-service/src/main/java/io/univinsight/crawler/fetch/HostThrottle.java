package io.univinsight.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
            // The start is claimed at the moment the request goes, not reserved ahead: a thread that
            // wakes late must not leave the next request less than the delay behind it.
            while (true) {
                long wait;
                synchronized (h) {
                    long now = System.nanoTime();
                    if (now >= h.nextStartNanos) {
                        h.nextStartNanos = now + delay.toNanos();
                        break;
                    }
                    wait = h.nextStartNanos - now;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
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

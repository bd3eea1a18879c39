package io.univinsight.ops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for task-api: single submits at a fixed number of requests in flight
 * (requests/s, p50/p99 latency, status counts), then bulk submits of 10,000 tasks each
 * (tasks/s). Every URL is distinct so each submit really writes a task.
 */
public final class SubmitLoad {
    private SubmitLoad() {
    }

    public static void main(String[] args) throws Exception {
        String api = arg(args, "--api", "http://127.0.0.1:8080");
        int concurrency = Integer.parseInt(arg(args, "--concurrency", "64"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
        int bulks = Integer.parseInt(arg(args, "--bulks", "5"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);

        System.out.printf("task-api load: %s, %d in flight, %d s warm-up, %d s measured%n", api, concurrency, warmup, seconds);
        singles(http, api, run + "w", concurrency, warmup, false);
        singles(http, api, run, concurrency, seconds, true);
        bulk(http, api, run, bulks);
    }

    private static void singles(HttpClient http, String api, String run, int concurrency, int seconds, boolean report) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong[] statuses = new AtomicLong[6];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = new AtomicLong();
        }
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            String body = "{\"url\":\"" + benchUrl(n, run) + "\",\"universityName\":\"Bench University\"}";
            n++;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/tasks")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.add(System.nanoTime() - sent);
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    statuses[Math.min(5, response.statusCode() / 100)].incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("single submit: %d requests in %.1f s = %.0f requests/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " 2xx %d, 4xx %d, 5xx %d, errors %d%n",
                sorted.length, elapsed, sorted.length / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                statuses[2].get(), statuses[4].get(), statuses[5].get(), errors.get());
    }

    private static void bulk(HttpClient http, String api, String run, int bulks) throws Exception {
        long tasks = 0;
        long start = System.nanoTime();
        List<Long> perBulkMs = new ArrayList<>();
        for (int b = 0; b < bulks; b++) {
            StringBuilder csv = new StringBuilder("url,university,department,priority\n");
            for (int i = 0; i < 10_000; i++) {
                csv.append(benchUrl(i, run + "/bulk" + b)).append(",Bench University,,low\n");
            }
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/tasks/bulk")).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            perBulkMs.add((System.nanoTime() - sent) / 1_000_000);
            if (response.statusCode() != 202 || !response.body().contains("\"accepted\":10000")) {
                throw new IllegalStateException("bulk answered " + response.statusCode() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
            }
            tasks += 10_000;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("bulk submit: %d tasks in %d requests of 10,000 in %.1f s = %.0f tasks/s (per request ms: %s)%n",
                tasks, bulks, elapsed, tasks / elapsed, perBulkMs);
    }

    /**
     * Distinct URLs on 500 loopback hosts (127.0.x.y) that no server answers: the crawler's SSRF
     * guard refuses them (only 127.0.0.1 is allowed locally), so no packet leaves the machine.
     */
    private static String benchUrl(long n, String run) {
        return "http://127.0." + (1 + (n % 500) / 250) + "." + (1 + n % 250) + "/bench/" + run + "/" + n;
    }

    private static double pct(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }

}

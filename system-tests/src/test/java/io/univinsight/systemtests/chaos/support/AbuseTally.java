package io.univinsight.systemtests.chaos.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Every answer of the abuse run, by status; the 5xx and non-problem 4xx ones named. */
public final class AbuseTally {
    public final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    public final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<String> notProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<String> noAnswer = java.util.Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger requests = new AtomicInteger();

    /**
     * Refusals by the HTTP layer before any application code, which carry no body: a request line
     * over the codec's 4,096 bytes (414, or the connection closed while a body was still being sent)
     * and a target that is not a valid URI (Quarkus answers a bare 400). They are 4xx, counted apart.
     */
    public final List<String> refusedByHttpLayer = java.util.Collections.synchronizedList(new ArrayList<>());
    public static final int CODEC_MAX_INITIAL_LINE = 4096;

    public FaultHttp.Answer check(String what, FaultHttp.Answer a) {
        requests.incrementAndGet();
        byStatus.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
        boolean bare = a.body() == null || a.body().isEmpty();
        if (a.status() == 0) {
            (what.length() > CODEC_MAX_INITIAL_LINE ? refusedByHttpLayer : noAnswer).add(abbreviate(what) + " -> " + abbreviate(a.body()));
        } else if (a.status() >= 500) {
            serverErrors.add(a.status() + " " + what + " -> " + abbreviate(a.body()));
        } else if (a.status() >= 400 && !a.isProblem()) {
            if (bare && (a.status() == 414 || a.status() == 431 || a.status() == 400 && what.contains("%"))) {
                refusedByHttpLayer.add(a.status() + " " + abbreviate(what));
            } else {
                notProblems.add(a.status() + " " + what + " (" + a.contentType() + ") -> " + abbreviate(a.body()));
            }
        }
        return a;
    }

    /** Counts an answer without judging it: a refusal by the HTTP codec, before any application code. */
    public void countOnly(int status) {
        requests.incrementAndGet();
        byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    }

    public long count(int status) {
        AtomicInteger n = byStatus.get(status);
        return n == null ? 0 : n.get();
    }

    public long count4xx() {
        return byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToLong(e -> e.getValue().get()).sum();
    }

    /** One line, at most 200 characters: for messages and notes. */
    public static String abbreviate(String s) {
        String one = String.valueOf(s).replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}

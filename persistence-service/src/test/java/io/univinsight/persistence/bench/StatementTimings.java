package io.univinsight.persistence.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile of the write path: a Connection whose statements record the time spent executing
 * (and reading generated keys of) each SQL text, and commits. What the total leaves over is time
 * spent in Java. Bench only.
 */
final class StatementTimings {
    private final Map<String, long[]> nanosAndCalls = new TreeMap<>();

    Connection wrap(Connection c) {
        return proxy(Connection.class, c, (method, args, call) -> {
            Object result = call.call();
            if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                return proxy(PreparedStatement.class, ps, timed(label(sql)));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, (m, a, inner) -> inner.call());
            }
            return result;
        }, "commit", "rollback");
    }

    private long cpuAtReset = cpuNanos();

    void reset() {
        nanosAndCalls.clear();
        cpuAtReset = cpuNanos();
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    void print(String phase, double totalSeconds) {
        long sum = 0;
        System.out.printf("  profile of %s (ended %s):%n", phase, java.time.LocalTime.now());
        for (Map.Entry<String, long[]> e : nanosAndCalls.entrySet()) {
            sum += e.getValue()[0];
            System.out.printf("    %8.3f s %6d calls  %s%n", e.getValue()[0] / 1e9, e.getValue()[1], e.getKey());
        }
        System.out.printf("    %8.3f s in Java (merging, binding, reading; of which the thread had the CPU %.3f s in all)%n",
                totalSeconds - sum / 1e9, (cpuNanos() - cpuAtReset) / 1e9);
    }

    private Handler timed(String label) {
        return (method, args, call) -> method.getName().startsWith("execute") || method.getName().equals("getGeneratedKeys")
                ? time(label, call) : call.call();
    }

    private Object time(String label, Call call) throws Throwable {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            long[] t = nanosAndCalls.computeIfAbsent(label, k -> new long[2]);
            t[0] += System.nanoTime() - start;
            t[1]++;
        }
    }

    private static String label(String sql) {
        String s = sql.replaceAll("\\s+", " ").strip();
        return s.length() > 90 ? s.substring(0, 90) + "..." : s;
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Throwable;
    }

    @FunctionalInterface
    interface Handler {
        Object handle(Method method, Object[] args, Call call) throws Throwable;
    }

    private <T> T proxy(Class<T> type, T target, Handler handler, String... timedNames) {
        InvocationHandler h = (p, method, args) -> {
            Call call = () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            for (String name : timedNames) {
                if (method.getName().equals(name)) {
                    return time(name.toUpperCase(Locale.ROOT), call);
                }
            }
            return handler.handle(method, args, call);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }
}

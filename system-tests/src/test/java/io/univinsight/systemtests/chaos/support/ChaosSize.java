package io.univinsight.systemtests.chaos.support;

/** The fault suite's size: -Dchaos.size=reduced (CI, the default) or full (./univ chaos full). */
public final class ChaosSize {
    public static final String SIZE = System.getProperty("chaos.size", "reduced");

    private ChaosSize() {
    }

    public static boolean full() {
        return "full".equalsIgnoreCase(SIZE);
    }

    /** reduced or full, by the suite's size. */
    public static int pick(int reduced, int full) {
        return full() ? full : reduced;
    }
}

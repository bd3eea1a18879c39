package io.univinsight.systemtests.chaos.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.StackComponent;
import io.univinsight.systemtests.StackUnderTest;

/** A scenario stack's settings, and bringing back what a fault (or a failed earlier scenario) stopped. */
public final class ChaosStack {
    private ChaosStack() {
    }

    /** The launcher settings every scenario stack uses: loopback hosts allowed, a short politeness delay. */
    public static Map<String, String> stackEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.0/24");
        env.put("CRAWLER_POLITENESS_DELAY", "100ms");
        return env;
    }

    /** Starts a killed component again through the launcher (same command, environment, log and PID file). */
    public static ManagedProcess restart(StackUnderTest stack, StackComponent c) {
        stack.launcher().restart(c);
        return stack.launcher().running().get(c);
    }

    /** Restarts whatever a failed earlier scenario left stopped, so the next one starts whole. */
    public static void heal(StackUnderTest stack, boolean embeddedPostgres) {
        Map<StackComponent, ManagedProcess> live = stack.launcher().running();
        List<StackComponent> order = new ArrayList<>();
        if (embeddedPostgres) {
            order.add(StackComponent.POSTGRES);
        }
        order.addAll(List.of(StackComponent.KAFKA, StackComponent.PERSISTENCE, StackComponent.TASK_API,
                StackComponent.CRAWLER, StackComponent.MONITOR));
        for (StackComponent c : order) {
            if (!live.containsKey(c)) {
                System.out.println("chaos: " + c.id() + " was not running; restarting it before the next scenario");
                restart(stack, c);
            }
        }
    }
}

package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.StackComponent;
import io.univinsight.testsupport.LoadSite;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.ChaosSize;
import io.univinsight.systemtests.chaos.support.ChaosStack;
import io.univinsight.systemtests.chaos.support.Database;
import io.univinsight.systemtests.chaos.support.FaultTiming;
import io.univinsight.systemtests.chaos.support.Load;
import io.univinsight.systemtests.chaos.support.Outcome;
import io.univinsight.systemtests.chaos.support.Prober;

/**
 * Fault scenarios 4 and 5 on a stack with its own PostgreSQL child process (never the machine's):
 * the Kafka broker stopped (SIGTERM, then in a second run kill -9) during a load and started
 * again, while single tasks are submitted in a loop (every 202 must end in the database, the rest
 * must be 503); PostgreSQL stopped and started again during a load. The services are never
 * restarted: they must reconnect by themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureFaultsIT {
    private static final int HOSTS = ChaosSize.pick(20, 50);
    private static final int TASKS = ChaosSize.pick(300, 2_000);
    private static final Duration OUTAGE = Duration.ofSeconds(ChaosSize.pick(15, 30));
    private static final Duration FINISH = Duration.ofMinutes(ChaosSize.pick(4, 10));
    private static StackUnderTest stack;
    private static LoadSite site;
    private static Database db;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(ChaosStack.stackEnv());
        env.put("UNIV_EMBEDDED_POSTGRES", "true");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", null); // no test database on the machine's server: the launcher's own
        stack = new StackUnderTest(env).up(false);
        assertTrue(stack.launcher().running().containsKey(StackComponent.POSTGRES), "the stack runs its own PostgreSQL");
        site = stack.startLoadSite(HOSTS, Duration.ofMillis(150));
        db = Database.embedded(stack.settings());
        api = new ApiClient(stack.settings().apiUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void wholeStack() {
        ChaosStack.heal(stack, true);
    }

    @Test
    @Order(1)
    void kafkaStoppedDuringTheLoad() throws Exception {
        brokerOutage("4a Kafka SIGTERM + start", "Chaos Four-A University", 0, false);
    }

    @Test
    @Order(2)
    void kafkaKilledDuringTheLoad() throws Exception {
        brokerOutage("4b Kafka kill -9 + start", "Chaos Four-B University", 100, true);
    }

    private void brokerOutage(String scenario, String university, int firstPerson, boolean kill) throws Exception {
        Instant t0 = Instant.now();
        Map<StackComponent, ManagedProcess> services = services();
        Load load = new Load(site, university, HOSTS, firstPerson, TASKS);
        // Single submits: people firstPerson+50 .. +89 (never another scenario's people: emails are unique across universities).
        Load probes = new Load(site, university, HOSTS, firstPerson + 50, HOSTS * 40);
        load.submitBulk(api);
        long atStop = load.awaitFinished(db, TASKS / 5, Duration.ofMinutes(3));
        Outcome o;
        String notes;
        try (Prober prober = new Prober(probes, stack.settings().apiUrl())) {
            FaultTiming.sleep(1000);
            int acceptedBefore = prober.count(202);
            ManagedProcess kafka = stack.launcher().running().get(StackComponent.KAFKA);
            if (kill) {
                kafka.kill();
            } else {
                assertTrue(kafka.stop(Duration.ofSeconds(30)), "the broker stops on SIGTERM");
            }
            Instant down = Instant.now(); // the broker process is gone: nothing sent from now on can be acknowledged
            FaultTiming.sleep(OUTAGE.toMillis());
            int refusedDuringOutage = prober.count(503);
            Instant restarting = Instant.now();
            ChaosStack.restart(stack, StackComponent.KAFKA);
            double outage = Duration.between(down, Instant.now()).toMillis() / 1000.0;
            long acceptedWhileDown = prober.acceptedSentBetween(down, restarting);
            // Submits go on until task-api takes them again.
            Instant acceptedAgainBy = Instant.now().plus(Duration.ofMinutes(2));
            int acceptedAtRestart = prober.count(202);
            while (prober.count(202) < acceptedAtRestart + 20 && Instant.now().isBefore(acceptedAgainBy)) {
                FaultTiming.sleep(200);
            }
            prober.close();
            int acceptedAfter = prober.count(202) - acceptedAtRestart;
            load.absorb(probes); // every 202 must end in the database like the bulk's tasks
            o = load.awaitOutcome(db, FINISH);
            notes = String.format("broker down %.0f s with %d/%d finished; single submits (retried with their Idempotency-Key): %s "
                            + "(202 to a request sent while down: %d, after: %d)%s; services kept their PIDs: %s",
                    outage, atStop, TASKS, prober.statuses, acceptedWhileDown, acceptedAfter,
                    prober.oddAnswers.isEmpty() ? "" : ", odd answers " + prober.oddAnswers, samePids(services));
            o.report(scenario, t0, notes);
            FaultTiming.assertMidLoad(atStop, TASKS / 5, TASKS, "the broker stopped");
            assertTrue(refusedDuringOutage > 0, "task-api answered 503 while the broker was down: " + prober.statuses);
            assertEquals(0, acceptedWhileDown, "never a 202 to a submit sent while the broker was down: " + prober.statuses);
            assertEquals(List.of(), List.copyOf(prober.oddAnswers), "every answer is 202 or 503");
            assertEquals(List.of(), List.copyOf(prober.unresolved), "every probe's submit named a task once retried with its key");
            assertTrue(acceptedAfter >= 20, "task-api accepts tasks again after the broker is back: " + prober.statuses);
        }
        o.assertNoneLostOrDuplicated(scenario);
        o.assertAllCompleted(scenario);
        assertTrue(samePids(services), "no service was restarted: " + services + " now " + stack.launcher().running());
    }

    @Test
    @Order(3)
    void postgresStoppedDuringTheLoad() throws Exception {
        Instant t0 = Instant.now();
        Map<StackComponent, ManagedProcess> services = services();
        Load load = new Load(site, "Chaos Five University", HOSTS, 200, TASKS);
        Load probes = new Load(site, "Chaos Five University", HOSTS, 250, HOSTS * 40);
        load.submitBulk(api);
        long atStop = load.awaitFinished(db, TASKS / 5, Duration.ofMinutes(3));
        Prober prober = new Prober(probes, stack.settings().apiUrl());
        FaultTiming.sleep(1000);
        ManagedProcess postgres = stack.launcher().running().get(StackComponent.POSTGRES);
        assertTrue(postgres.stop(Duration.ofSeconds(30)), "PostgreSQL stops");
        Instant down = Instant.now();
        int acceptedBefore = prober.count(202);
        FaultTiming.sleep(OUTAGE.toMillis());
        int refusedDuringOutage = prober.count(503);
        ChaosStack.restart(stack, StackComponent.POSTGRES);
        double outage = Duration.between(down, Instant.now()).toMillis() / 1000.0;
        // Submits go on until task-api takes them again (its connection pool reconnects by itself).
        int acceptedAtRestart = prober.count(202);
        Instant acceptedAgainBy = Instant.now().plus(Duration.ofMinutes(2));
        while (prober.count(202) < acceptedAtRestart + 20 && Instant.now().isBefore(acceptedAgainBy)) {
            FaultTiming.sleep(200);
        }
        prober.close();
        int acceptedAfter = prober.count(202) - acceptedAtRestart;
        load.absorb(probes);
        Outcome o = load.awaitOutcome(db, FINISH);
        o.report("5 PostgreSQL stop + start", t0, String.format("database down %.0f s with %d/%d finished; single submits (retried with their "
                        + "Idempotency-Key): %s, %d accepted before the stop, %d after the restart%s; services kept their PIDs: %s",
                outage, atStop, TASKS, prober.statuses, acceptedBefore, acceptedAfter,
                prober.oddAnswers.isEmpty() ? "" : ", e.g. " + prober.oddAnswers.peek(), samePids(services)));
        FaultTiming.assertMidLoad(atStop, TASKS / 5, TASKS, "PostgreSQL stopped");
        assertTrue(acceptedBefore > 0, "the prober's submits were accepted before the stop: " + prober.statuses);
        assertTrue(refusedDuringOutage > 0, "task-api answered 503 while PostgreSQL was down: " + prober.statuses);
        assertEquals(List.of(), List.copyOf(prober.oddAnswers), "every answer is 202 or 503");
        assertEquals(List.of(), List.copyOf(prober.unresolved), "every probe's submit named a task once retried with its key");
        assertTrue(acceptedAfter >= 20, "task-api accepts tasks again after PostgreSQL is back: " + prober.statuses);
        o.assertNoneLostOrDuplicated("PostgreSQL stopped");
        o.assertAllCompleted("PostgreSQL stopped");
        assertTrue(samePids(services), "no service was restarted");
    }

    private static Map<StackComponent, ManagedProcess> services() {
        Map<StackComponent, ManagedProcess> s = new EnumMap<>(stack.launcher().running());
        s.remove(StackComponent.KAFKA);
        s.remove(StackComponent.POSTGRES);
        return s;
    }

    private static boolean samePids(Map<StackComponent, ManagedProcess> before) {
        Map<StackComponent, ManagedProcess> now = stack.launcher().running();
        return before.entrySet().stream().allMatch(e -> now.containsKey(e.getKey()) && now.get(e.getKey()).pid() == e.getValue().pid());
    }
}

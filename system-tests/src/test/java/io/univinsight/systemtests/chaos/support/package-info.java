/**
 * What the fault scenarios (the *IT classes one package up) share: the suite's size, a scenario's
 * load and its checks in PostgreSQL (Load, Outcome), single submits under faults (Prober,
 * TaskSubmit), raw HTTP for the input faults (FaultHttp), the poison records and hostile requests of
 * scenarios 8 and 10 (PoisonRecords, HostileInput, ApiAbuse, AbuseTally), restarting what a fault
 * stopped (ChaosStack), measures for the notes, and the table row every scenario appends (ScenarioReport).
 *
 * <p>It may not import the scenarios: they use it, never the reverse. ./univ chaos prints the
 * table with ScenarioReport's main.
 */
package io.univinsight.systemtests.chaos.support;

/**
 * The local launcher (module dev-stack): ./univ up, demo, down, status, submit, and the child JVMs
 * it starts (the KRaft broker, embedded PostgreSQL, the demo site). It owns the process plumbing
 * every other tool reuses (StackLauncher, StackSettings, ManagedProcess, ChildJvm, KafkaBroker,
 * PostgresServers), the ./univ argument conventions (CommandLine) and the one usage text
 * (univ-usage.txt, printed by UnivUsage and by the univ script).
 *
 * <p>It may not import test-support (io.univinsight.testsupport) or ops-tools (io.univinsight.ops):
 * both depend on it. The autoscaler, which is ops-tools', is started by class name only.
 */
package io.univinsight.devstack;

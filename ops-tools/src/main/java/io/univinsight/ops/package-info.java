/**
 * Operations tooling (module ops-tools) for a running stack: ./univ topics, ./univ top, the local
 * autoscaler of ./univ up --autoscale and the task-api load generator (bench/task-api.sh).
 * OpsMain is the entry point of all but the load generator.
 *
 * <p>It may use dev-stack (settings, launcher, text tables) and crawl-events; dev-stack may not use
 * it, and nothing here is for tests (that is test-support).
 */
package io.univinsight.ops;

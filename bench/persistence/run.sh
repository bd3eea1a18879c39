#!/usr/bin/env bash
# Upsert throughput of professor and paper rows through persistence-service's write path, next to
# a plain COPY of the same rows, on the PostgreSQL at 127.0.0.1:5432 (a scratch database, dropped after).
# Usage: bench/persistence/run.sh [results=1000] [rows of each kind per result=20] [results per transaction=50] [server JDBC URL]
#        bench/persistence/run.sh backlog [tasks=500000] [tasks per transaction=500] [rows per printed window=50000] [server JDBC URL]
#          (crawl_tasks rows/s as the table grows, then status updates on the full table)
#        bench/persistence/run.sh copy-vs-insert [rows=20000] [rows per transaction=1000] [rounds=6]
#          (the write path's INSERT of new professors against a COPY of the same rows, ids drawn from the sequence first)
# BENCH_JAVA_OPTS=-Dbench.profile=true also prints the time spent per SQL statement and in Java for each phase;
# BENCH_JAVA_OPTS=-Dbench.rounds=N (default 5) repeats the measure (write path, then COPY, on emptied tables) N times and prints each round's ratios and their median;
# BENCH_JAVA_OPTS=-Dbench.recrawls=N adds N recrawls of the same rows after the replay, a day apart, each timed: the update cost as sightings pile up;
# -Dbench.jdbc-options=a=1&b=2 replaces the JDBC properties (default: the service's own, quarkus.datasource.jdbc.additional-jdbc-properties.* in its application.properties).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -pl persistence-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
main=io.univinsight.persistence.bench.UpsertBenchmark
case "${1:-}" in
  backlog) main=io.univinsight.persistence.bench.TaskBacklogBenchmark; shift ;;
  copy-vs-insert) main=io.univinsight.persistence.bench.CopyInsteadOfInsert; shift ;;
esac
java ${BENCH_JAVA_OPTS:-} -cp "persistence-service/target/test-classes:persistence-service/target/classes:$(cat persistence-service/target/bench.classpath)" \
  "$main" "$@"

#!/usr/bin/env bash
# Upsert throughput of professor and paper rows through persistence-service's write path, next to
# a plain COPY of the same rows, on the PostgreSQL at 127.0.0.1:5432 (a scratch database, dropped after).
# Usage: bench/persistence/run.sh [results=1000] [rows of each kind per result=20] [results per transaction=50] [server JDBC URL]
# BENCH_JAVA_OPTS=-Dbench.profile=true also prints the time spent per SQL statement and in Java for each phase;
# -Dbench.jdbc-options=... replaces the JDBC URL options (default reWriteBatchedInserts=true).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -pl persistence-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java ${BENCH_JAVA_OPTS:-} -cp "persistence-service/target/test-classes:persistence-service/target/classes:$(cat persistence-service/target/bench.classpath)" \
  io.univinsight.persistence.bench.UpsertBenchmark "$@"

#!/usr/bin/env bash
# Recrawl benchmarks; print figures, assert nothing.
#   bench/recrawl/run.sh            both: (a) first crawl vs unchanged recrawl, (b) page-state memory at 1,000,000 URLs
#   bench/recrawl/run.sh recrawl [HOSTS PROFILES]   (a) only: the fixture of ../shared/bench/fixture_hosts.mjs
#   bench/recrawl/run.sh memory [URLS]              (b) only (needs dev-stack/target/dev-stack.jar for the broker)
# (a) runs the crawler in process (real crawl stages and RocksDB store, no Kafka); the fixture counts
# 200s, 304s and bytes at /__stats. (b) starts a real broker in a child JVM, writes URLS page states
# and measures this JVM reading them into the store as a starting crawler does.
# Builds crawler-service's test classes offline (drop MVN_OFFLINE= to allow downloads).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
what="${1:-all}"; shift || true
cp_file="crawler-service/target/bench.classpath"
./mvnw -B -q ${MVN_OFFLINE--o} -pl crawler-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="crawler-service/target/test-classes:crawler-service/target/classes:$(cat "$cp_file")"
fixture="${FIXTURE_HOSTS:-$root/../shared/bench/fixture_hosts.mjs}"

if [[ "$what" == all || "$what" == recrawl ]]; then
  hosts="${1:-40}"; profiles="${2:-50}"; port="${RECRAWL_PORT:-8096}"
  out="$(mktemp)"
  node "$fixture" "$port" "$hosts" "$profiles" > "$out" 2>&1 &
  fix=$!
  trap 'kill $fix 2>/dev/null || true; rm -f "$out"' EXIT
  for _ in $(seq 100); do grep -q '^ready' "$out" && break; sleep 0.1; done
  mapfile -t starts < <(grep '^http' "$out")
  echo "== (a) first crawl vs unchanged recrawl: $hosts hosts x $((profiles + 1)) pages = $((hosts * (profiles + 1))) pages (fixture_hosts.mjs) =="
  java -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "$cp" io.univinsight.crawler.bench.RecrawlBench "${starts[@]}"
  kill $fix 2>/dev/null || true
fi
if [[ "$what" == all || "$what" == memory ]]; then
  echo "== (b) page-state store memory: the whole topic read into RocksDB (broker in a child JVM, not counted) =="
  # The heap is committed and touched up front (-Xms = -Xmx, AlwaysPreTouch), so the RSS delta is what the
  # store adds off the heap; the heap it adds is the live-set delta. Two malloc arenas, as usual for RocksDB.
  MALLOC_ARENA_MAX=2 java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+UseParallelGC -cp "$cp" \
    io.univinsight.crawler.bench.PageStateMemoryBench "${1:-1000000}"
fi

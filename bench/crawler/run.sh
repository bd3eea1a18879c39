#!/usr/bin/env bash
# Crawler benchmarks; prints figures, asserts nothing.
#   bench/crawler/run.sh            both: (a) crawl throughput, (b) extraction vs bare Jsoup parse (JMH)
#   bench/crawler/run.sh crawl [hosts profiles-per-host rounds]
#   BENCH_RENDER=auto bench/crawler/run.sh crawl ...   the same with a headless Chromium behind the crawl (render: auto)
#   EXTRACTION_FORKS=5 bench/crawler/run.sh extraction   pairs of JMH forks per page kind (default 3)
# Builds crawler-service's test classes offline (drop MVN_OFFLINE= to allow downloads).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
what="${1:-all}"; shift || true
cp_file="crawler-service/target/bench.classpath"
./mvnw -B -q ${MVN_OFFLINE--o} -pl crawler-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$cp_file" -Dmdep.includeScope=test >/dev/null
cp="crawler-service/target/test-classes:crawler-service/target/classes:$(cat "$cp_file")"
java_opts=(-Xmx1g -XX:+UseParallelGC -Dbench.render="${BENCH_RENDER:-off}")

if [[ "$what" == all || "$what" == crawl ]]; then
  echo "== (a) crawl throughput: one instance, loopback site, politeness relaxed =="
  java "${java_opts[@]}" -cp "$cp" io.univinsight.crawler.bench.CrawlThroughputBench "$@"
fi
if [[ "$what" == all || "$what" == extraction ]]; then
  echo "== (b) extraction vs Jsoup bare parse, JMH, 1 thread, ${EXTRACTION_FORKS:-3} pairs of forks per page kind =="
  java -cp "$cp" io.univinsight.crawler.bench.ExtractionBench
  # Per-fork scores, the ratio of the medians and the median of the pairs' ratios (a bare-parse fork and a
  # parse+extract fork run back to back): the bare parse runs at one of two speeds per JVM (JIT), and the machine's
  # speed drifts, so a single fork's ratio can be off by up to 2x.
  java -cp "$cp" io.univinsight.crawler.bench.ExtractionRatio "${EXTRACTION_FORKS:-3}" | tee crawler-service/target/jmh-extraction.txt \
    | grep -E 'extraction costs|still rising'
fi

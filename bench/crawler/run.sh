#!/usr/bin/env bash
# Crawler benchmarks; prints figures, asserts nothing.
#   bench/crawler/run.sh            both: (a) crawl throughput, (b) extraction vs bare Jsoup parse (JMH)
#   bench/crawler/run.sh crawl [hosts profiles-per-host rounds]
#   BENCH_RENDER=auto bench/crawler/run.sh crawl ...   the same with a headless Chromium behind the crawl (render: auto)
#   bench/crawler/run.sh extraction [extra JMH options]
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
  echo "== (b) extraction vs Jsoup bare parse, JMH, 1 thread =="
  java -cp "$cp" io.univinsight.crawler.bench.ExtractionBench
  out="crawler-service/target/jmh-extraction.csv"
  java -cp "$cp" org.openjdk.jmh.Main 'io.univinsight.crawler.bench.ExtractionBench' -rf csv -rff "$out" "$@"
  # ratio = time per page of parse+extract / time of the bare parse (throughputs inverted)
  awk -F, 'NR>1 { gsub(/"/,""); split($1,n,"."); b=n[length(n)]; s[$NF "/" b]=$5; kinds[$NF]=1 }
       END { for (k in kinds) printf "%s: parse %.0f pages/s, parse+extract %.0f pages/s per core -> extraction costs %.2fx the bare parse\n",
             k, s[k "/parse"], s[k "/parseAndExtract"], s[k "/parse"]/s[k "/parseAndExtract"] }' "$out"
fi

#!/usr/bin/env bash
# Where the CPU goes, with async-profiler (fetched from Maven Central, tools.profiler:async-profiler): a flame graph
# (HTML), the folded stacks, and the top methods by own time. Prints figures, asserts nothing.
#   bench/profile/run.sh extraction [directory|profile|written-email] [seconds-per-measure=3]
#       ExtractionTiming on the crawler benchmark's generated pages: bare parse, parse + extraction, extraction alone
#   bench/profile/run.sh persistence [results=1000] [per result=20] [per transaction=50]
#       UpsertBenchmark's write path (the Java side only: the PostgreSQL server's own time is not sampled)
# Output under target/profile/. PROFILE_INTERVAL (default 200us) sets the sampling period of CPU time.
# Why async-profiler and not JFR: JFR's samples put much of the extraction's time in the page index's first walk
# (20-33% of samples on 2026-12-07), which timing that walk alone put at 4-7%; async-profiler's agreed with the timing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
what="${1:?usage: bench/profile/run.sh extraction|persistence [args]}"; shift
version=4.1
dir="target/profile"
mkdir -p "$dir"
jar="$dir/async-profiler-$version.jar"
if [[ ! -f "$jar" ]]; then
  ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$version" -DoutputDirectory="$dir" >/dev/null
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-*) platform=macos ;;
  *) echo "async-profiler $version has no library for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
(cd "$dir" && unzip -o -q "async-profiler-$version.jar" "$platform/*")
lib="$root/$dir/$platform/libasyncProfiler.so"
stamp="$(date +%Y%m%d-%H%M%S)"
case "$what" in
  extraction)
    kind="${1:-profile}"; seconds="${2:-3}"
    ./mvnw -B -q ${MVN_OFFLINE--o} -pl extraction -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$root/$dir/extraction.classpath" -Dmdep.includeScope=test >/dev/null
    cp="extraction/target/test-classes:extraction/target/classes:$(cat "$dir/extraction.classpath")"
    main=io.univinsight.extraction.bench.ExtractionTiming
    args=("$seconds" "$kind")
    out="$dir/extraction-$kind-$stamp"
    ;;
  persistence)
    ./mvnw -B -q ${MVN_OFFLINE--o} -pl persistence-service -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$root/$dir/persistence.classpath" -Dmdep.includeScope=test >/dev/null
    cp="persistence-service/target/test-classes:persistence-service/target/classes:$(cat "$dir/persistence.classpath")"
    main=io.univinsight.persistence.bench.UpsertBenchmark
    args=("$@")
    out="$dir/persistence-$stamp"
    ;;
  *) echo "unknown: $what (extraction or persistence)" >&2; exit 2 ;;
esac
java -Dprofiler.lib="$lib" -cp "$jar:$cp" bench/profile/Profiled.java "$out" "${PROFILE_INTERVAL:-200us}" "$main" "${args[@]}"

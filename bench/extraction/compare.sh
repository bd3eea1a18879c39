#!/usr/bin/env bash
# Extraction's CPU per page, this working tree (B) against an earlier revision (A), in one JVM: both builds'
# classes loaded side by side and timed in alternating short slices on the same pre-parsed benchmark pages
# (PairedExtractionTiming), so the machine's drift hits both alike. Prints figures, asserts nothing.
#   bench/extraction/compare.sh REV [slices=40] [slice-ms=300] [kinds="directory profile written-email"]
#   bench/extraction/compare.sh HEAD   the harness's own bias: the same code as A and B (expect about 1.00)
# Builds offline (drop MVN_OFFLINE= to allow downloads); REV is checked out in a temporary git worktree. Only the
# extraction module is taken from REV: both builds use the modules it depends on (identity) as installed from this tree.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rev="${1:?usage: bench/extraction/compare.sh REV [slices] [slice-ms] [kinds]}"
slices="${2:-40}"; millis="${3:-300}"; kinds="${4:-directory profile written-email}"
base="$(mktemp -d)"
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git worktree add --detach "$base" "$rev" >/dev/null
./mvnw -B -q ${MVN_OFFLINE--o} -pl extraction -am install -DskipTests >/dev/null
./mvnw -B -q ${MVN_OFFLINE--o} -pl extraction test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/extraction/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
(cd "$base" && ./mvnw -B -q ${MVN_OFFLINE--o} -pl extraction test-compile >/dev/null)
deps="$(cat extraction/target/bench.classpath)"
a="$base/extraction/target/test-classes:$base/extraction/target/classes:$deps"
b="$root/extraction/target/test-classes:$root/extraction/target/classes:$deps"
echo "A = $(git rev-parse --short "$rev"), B = this working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo ' + changes'))"
for kind in $kinds; do
  java -Xmx1g -cp "$b" io.univinsight.extraction.bench.PairedExtractionTiming "$kind" "$slices" "$millis" "$a" "$b"
done

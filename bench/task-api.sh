#!/usr/bin/env bash
# task-api load benchmark against the real local stack (Kafka, PostgreSQL, the four services).
# Starts the stack with rate limits lifted if it is not running, runs the load generator
# (single submits at N in flight, then bulk submits of 10,000 tasks) and prints the figures.
#   bench/task-api.sh [--concurrency 64] [--seconds 20] [--bulks 5]
#   API_ONLY=1 bench/task-api.sh ...   stops the crawler, monitor and persistence first, so only
#                                      task-api, Kafka and PostgreSQL share the cores
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export API_RATE_LIMIT_CAPACITY="${API_RATE_LIMIT_CAPACITY:-100000000}"
export API_RATE_LIMIT_REFILL_PER_SECOND="${API_RATE_LIMIT_REFILL_PER_SECOND:-100000000}"
# Keep the crawlers from competing for the 2 cores while the API is measured.
export CRAWLER_CONCURRENCY="${CRAWLER_CONCURRENCY:-1}"
./univ up
if [ "${API_ONLY:-0}" = 1 ]; then
  state="${UNIV_STATE_DIR:-$ROOT/.univ}/run"
  for c in crawler-service monitor-service persistence-service; do
    [ -f "$state/$c.pid" ] && kill "$(cut -d' ' -f1 "$state/$c.pid")" 2>/dev/null || true
  done
  sleep 15
fi
exec java -Xmx512m -cp "ops-tools/target/ops-tools.jar:$(cat ops-tools/target/runtime.classpath)" \
  io.univinsight.ops.bench.SubmitLoad --api "http://127.0.0.1:${UNIV_API_PORT:-8080}" "$@"

#!/usr/bin/env bash
# task-api load benchmark against the real local stack (Kafka, PostgreSQL, the four services).
# Starts the stack with rate limits lifted if it is not running, runs the load generator
# (single submits at N in flight, then bulk submits of 10,000 tasks) and prints the figures.
#   bench/task-api.sh [--concurrency 64] [--seconds 20] [--bulks 5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export API_RATE_LIMIT_CAPACITY="${API_RATE_LIMIT_CAPACITY:-100000000}"
export API_RATE_LIMIT_REFILL_PER_SECOND="${API_RATE_LIMIT_REFILL_PER_SECOND:-100000000}"
# Keep the crawlers from competing for the 2 cores while the API is measured.
export CRAWLER_CONCURRENCY="${CRAWLER_CONCURRENCY:-1}"
./univ up
exec java -Xmx512m -cp "dev-stack/target/dev-stack.jar:$(cat dev-stack/target/runtime.classpath)" \
  io.univinsight.devstack.bench.SubmitLoad --api "http://127.0.0.1:${UNIV_API_PORT:-8080}" "$@"

#!/usr/bin/env bash
# The whole stack end to end (through Kafka and PostgreSQL) against Crawlee on the same site; prints
# figures, asserts nothing. From anywhere; the stack must NOT be running.
#   bench/e2e/run.sh [HOSTS] [PROFILES] [ROUNDS]   first crawls only, CPU per page of every process
#   bench/e2e/run.sh vs-crawlee [HOSTS] [PROFILES] [ROUNDS]   ../shared/bench/vs-crawlee.sh as it is
#
# Why a second script beside vs-crawlee.sh: that one crawls the same URLs every round, and the stack
# remembers each page's validators (issue 15), so from its second round on the stack recrawls with
# conditional GETs (304s, no extraction) while Crawlee downloads and parses everything again. Here
# every round serves the site (../shared/bench/fixture_hosts.mjs) on a port never used before, so the URLs are new
# to both and each round is a first crawl for both; the page-state look-up and write stay in the loop.
# Round 0 warms the stack's JVMs (and Crawlee's cache of node modules) and is not counted.
# Stack as vs-crawlee.sh starts it: ./univ up, politeness delay 0 for the bench hosts, 127.0.0.0/8 allowed,
# one task per directory (maxDepth 1) through POST /api/tasks/bulk, timed until every task finished.
# CPU: utime+stime from /proc of every stack process and of the PostgreSQL server (its processes
# summed) over the round and 5 s after (persistence's trailing batches), and Crawlee's node process,
# each divided by the pages of the round.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
shared="${SHARED_BENCH:-$root/../shared/bench}"
if [[ "${1:-}" == vs-crawlee ]]; then
  shift
  exec bash "$shared/vs-crawlee.sh" "$@"
fi
hosts="${1:-40}"; profiles="${2:-50}"; rounds="${3:-3}"
api="http://127.0.0.1:${UNIV_API_PORT:-8080}"
work="$root/.univ/vs-crawlee"   # shared with vs-crawlee.sh: Crawlee installed once
mkdir -p "$work"
cp "$shared/fixture_hosts.mjs" "$shared/crawlee_hosts.mjs" "$shared/stack_crawl.py" "$work/"
if [[ ! -d "$work/node_modules/crawlee" ]]; then
  (cd "$work" && { [[ -f package.json ]] || npm init -y >/dev/null; } && npm install --no-audit --no-fund crawlee@3.18.1 >/dev/null)
fi
if curl -fsS -o /dev/null "$api/q/health/ready" 2>/dev/null; then
  echo "a stack already answers on $api: stop it first (./univ down)" >&2; exit 2
fi
fixture=""
trap '[[ -n "$fixture" ]] && kill $fixture 2>/dev/null; ./univ down >/dev/null 2>&1 || true' EXIT
CRAWLER_POLITENESS_DELAY=0s CRAWLER_SSRF_ALLOWED_NETWORKS=127.0.0.0/8 ./univ up > "$work/up.log" 2>&1

# "name ticks" for every stack process (PID files of ./univ) and the PostgreSQL server.
cpu_ticks() {
  for f in .univ/run/*.pid; do
    pid="$(awk '{print $1}' "$f")"; [[ -r /proc/$pid/stat ]] || continue
    echo "$(basename "$f" .pid) $(awk '{print $14 + $15}' "/proc/$pid/stat")"
  done
  local pg=0
  for pid in $(pgrep -x postgres || true); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "postgresql $pg"
}
hz="$(getconf CLK_TCK)"
echo "site: $hosts hosts x $((profiles + 1)) pages = $((hosts * (profiles + 1))) pages, a new port each round; round 0 warms up"
summary="$(mktemp)"
# Ports new to this stack: its page states outlive ./univ down, so a port of an earlier run would be a recrawl.
port_base=$((20000 + ($(date +%s) / 10 % 4000) * 10))
for r in $(seq 0 "$rounds"); do
  port=$((port_base + r))
  node "$work/fixture_hosts.mjs" "$port" "$hosts" "$profiles" > "$work/fixture.out" 2>&1 &
  fixture=$!
  for _ in $(seq 100); do grep -q '^ready' "$work/fixture.out" && break; sleep 0.1; done
  mapfile -t starts < <(grep '^http' "$work/fixture.out")
  crawlee="$(cd "$work" && python3 -c '
import json, resource, subprocess, sys
out = subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout.strip().splitlines()[-1]
u = resource.getrusage(resource.RUSAGE_CHILDREN)
r = json.loads(out); r["cpuMsPerPage"] = round((u.ru_utime + u.ru_stime) * 1000 / max(r["pages"], 1), 2)
print(json.dumps(r))' node crawlee_hosts.mjs 32 "${starts[@]}")"
  before="$(cpu_ticks)"
  stack="$(python3 "$work/stack_crawl.py" "$api" "e2e $(date +%s%N) $r" "${starts[@]}")"
  sleep 5
  after="$(cpu_ticks)"
  kill $fixture; wait $fixture 2>/dev/null || true; fixture=""
  echo "round $r crawlee: $crawlee"
  echo "round $r stack  : $stack"
  python3 - "$before" "$after" "$stack" "$hz" "$r" "$crawlee" "$summary" <<'PY'
import json, sys
before = dict(l.split() for l in sys.argv[1].splitlines() if l.strip())
after = dict(l.split() for l in sys.argv[2].splitlines() if l.strip())
stack, hz, rnd, crawlee = json.loads(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), json.loads(sys.argv[6])
pages = max(stack["pages"], 1)
per = {n: (float(after[n]) - float(before[n])) * 1000 / hz / pages for n in sorted(after) if n in before}
print("  CPU ms per page: " + ", ".join(f"{n} {v:.2f}" for n, v in per.items()) + f"; all {sum(per.values()):.2f}; crawlee {crawlee['cpuMsPerPage']:.2f}")
if rnd > 0:
    with open(sys.argv[7], "a") as f:
        f.write(json.dumps({"crawlee": crawlee["pagesPerSecond"], "stack": stack["pagesPerSecond"], "cpu": per,
                            "crawleeCpu": crawlee["cpuMsPerPage"]}) + "\n")
PY
done
python3 - "$summary" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = lambda xs: statistics.median(xs)
c, s = med([r["crawlee"] for r in rows]), med([r["stack"] for r in rows])
print(f"median of {len(rows)} rounds, pages/s: crawlee {c:.1f}, stack {s:.1f}; stack/crawlee = {s / c:.2f}")
names = sorted({n for r in rows for n in r["cpu"]})
print("median CPU ms per page: " + ", ".join(f"{n} {med([r['cpu'].get(n, 0) for r in rows]):.2f}" for n in names)
      + f"; all stack processes {med([sum(r['cpu'].values()) for r in rows]):.2f}; crawlee {med([r['crawleeCpu'] for r in rows]):.2f}")
PY
rm -f "$summary"

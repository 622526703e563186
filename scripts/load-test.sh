#!/usr/bin/env bash
# The service under load (issue #7): starts borderline-server/target/borderline.jar on 127.0.0.1 (building it if
# missing), waits for /health, runs bounded wrk runs (scripts/load/borderline.lua) against
# /health (the framework's ceiling), /distance (seeded varied points) and /coverage (cached and
# uncached ranges), samples the server's peak RSS, and stops the server. Installs wrk (Debian) if
# missing. Prints one line per run and writes them to target/load-test.txt.
# Environment: LOAD_PORT (default 17070), DURATION (seconds per run, default 20),
#              MAX_REQUESTS (per wrk thread per run, default 1000000), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${LOAD_PORT:-17070}"
duration="${DURATION:-20}"
max="${MAX_REQUESTS:-1000000}"
out="target/load-test.txt"
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi
. scripts/lib/service.sh
# shellcheck disable=SC2086
start_service "$port" borderline-load ${JAVA_OPTS:-}
wait_for "$base/health"

{
  echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null || echo '?')  uptime: $(uptime)"
  echo "# $(grep -o 'data loaded and indexed in [0-9]* ms' "$log")"
  echo "# after start-up: $(grep -E '^VmRSS' /proc/$pid/status | tr -s ' ')"
} | tee "$out"

run() { # name, connections, mode
  local r
  r="$(wrk -t1 -c"$2" -d"${duration}s" --timeout 10s -s scripts/load/borderline.lua "$base" -- "$3" "$max" | grep '^RESULT')"
  echo "$1 c=$2 ${r#RESULT }" | tee -a "$out"
}

# warm up the JIT on each path, and put the "cached" coverages in the cache
wrk -t1 -c2 -d5s -s scripts/load/borderline.lua "$base" -- distance 20000 >/dev/null
wrk -t1 -c2 -d3s -s scripts/load/borderline.lua "$base" -- health 20000 >/dev/null
for p in "/coverage/stats?from=BLR&range_km=30" "/coverage/stats?from=BLR&range_km=1000" \
         "/coverage?site=lida-airbase&range_km=120" "/coverage?from=BLR&range_km=30"; do
  curl -fs -o /dev/null "$base$p"
done

run health 8 health
run distance 8 distance
run distance-moderate 2 distance
run distance-single 1 distance
run coverage 4 coverage
echo "# peak RSS (VmHWM): $(grep -E '^VmHWM' /proc/$pid/status | awk '{print $2, $3}')  uptime: $(uptime)" | tee -a "$out"

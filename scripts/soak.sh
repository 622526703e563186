#!/usr/bin/env bash
# Soak run (issue 13): MINUTES one-minute slices of mixed load on loopback against a fresh service
# (scripts/load/borderline.lua "mixed": distance, batch, cached and uncached coverage, vector tiles, maps), with
# the live heap (after a full GC) and the resident memory sampled after every minute and the latency
# percentiles of every minute. Bounded: MINUTES x 60 s, and at most MAX_REQUESTS per wrk thread per minute.
# Exits 1 if any answer was a 5xx or a socket error, or if the live heap of the last third of the run grew past
# the first third's maximum by more than GROWTH_MB (the caches fill in the first minutes, then must stay bounded).
#   scripts/soak.sh [MINUTES]     # default 30
# Environment: SOAK_PORT (default 17171), JAVA_OPTS (default: the README's options), MAX_REQUESTS (default
# 2000000), CONNECTIONS (default 4), GROWTH_MB (default 64). Writes target/soak.txt and the service's log to
# target/soak-service.log.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
port="${SOAK_PORT:-17171}"
max="${MAX_REQUESTS:-2000000}"
conns="${CONNECTIONS:-4}"
growth="${GROWTH_MB:-64}"
base="http://127.0.0.1:$port"
out=target/soak.txt
for tool in wrk curl jcmd; do command -v "$tool" >/dev/null || { echo "soak: $tool is missing" >&2; exit 2; }; done
. scripts/lib/service.sh
keep_log=target/soak-service.log # every 5xx is logged with its request: the first place to look
# shellcheck disable=SC2086
start_service "$port" borderline-soak ${JAVA_OPTS:--Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 -XX:SoftRefLRUPolicyMSPerMB=0 -XX:SharedArchiveFile=borderline-server/target/borderline.jsa}
wait_for "$base/ready"
# the load starts after the background warm-up (published layers, vector-tile copies): the first minute would
# otherwise measure requests queued behind it on 2 cores (two 30 s timeouts in the session-8 soak), not the service
wait_for_log "published layers computed"

live_mb() { # the heap in use after a full collection: what the service really holds
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit}}'
}
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }

{
  echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null || echo '?') JAVA_OPTS='${JAVA_OPTS:--Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 -XX:SoftRefLRUPolicyMSPerMB=0 -XX:SharedArchiveFile=borderline-server/target/borderline.jsa}' minutes=$minutes connections=$conns"
  echo "# uptime: $(uptime)"
  echo "# after the warm-up: live heap $(live_mb) MB, RSS $(rss_mb) MB"
  echo "minute requests rps p50_ms p99_ms p999_ms max_ms non2xx fivexx socket_errors live_heap_mb rss_mb"
} | tee "$out"

total=0; total5=0; totalErr=0
declare -a heaps=()
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$r"; }
for m in $(seq 1 "$minutes"); do
  r="$(wrk -t2 -c"$conns" -d60s --timeout 30s -s scripts/load/borderline.lua "$base" -- mixed "$max" "$((20250124 + m))" \
    | grep '^RESULT')"
  errors=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))
  heap=$(live_mb); rss=$(rss_mb); heaps+=("$heap")
  total=$(( total + $(field requests) )); total5=$(( total5 + $(field fivexx) )); totalErr=$(( totalErr + errors ))
  echo "$m $(field requests) $(field rps) $(field p50_ms) $(field p99_ms) $(field p999_ms) $(field max_ms) $(field non2xx) $(field fivexx) $errors $heap $rss" | tee -a "$out"
done

third=$(( minutes / 3 > 0 ? minutes / 3 : 1 ))
firstMax=0; lastMax=0
for i in $(seq 0 $(( third - 1 ))); do (( heaps[i] > firstMax )) && firstMax=${heaps[i]}; done
for i in $(seq $(( minutes - third )) $(( minutes - 1 ))); do (( heaps[i] > lastMax )) && lastMax=${heaps[i]}; done
status=PASS
if (( total5 > 0 || totalErr > 0 || lastMax > firstMax + growth )); then status=FAIL; fi
echo "RESULT soak $status minutes=$minutes requests=$total fivexx=$total5 socket_errors=$totalErr live_heap_first_third_max_mb=$firstMax live_heap_last_third_max_mb=$lastMax peak_rss_mb=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status") uptime='$(uptime)'" | tee -a "$out"
[ "$status" = PASS ]

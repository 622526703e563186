#!/usr/bin/env bash
# The first coverage answers of a started service, as a user meets them (issue 13: Ukraine at 1 km <= 5 s).
# Usage: scripts/first-coverage.sh PORT QUERY...   e.g. scripts/first-coverage.sh 7171 'from=UKR&range_km=1'
# Starts the service (BORDERLINE_JAR=... runs another build, e.g. an older one side by side) with the README's JVM
# options (plus $EXTRA), waits until the published layers are computed, then prints the HTTP status and curl's
# total time in seconds of each /coverage?QUERY.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/service.sh
port=$1; shift
# shellcheck disable=SC2086
start_service "$port" borderline-first-coverage -Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 \
  -XX:SoftRefLRUPolicyMSPerMB=0 ${EXTRA:-}
wait_for_log "published layers computed" 120
sleep 1
for q in "$@"; do
  curl -s -o /dev/null -w "$q %{http_code} %{time_total}\n" "http://127.0.0.1:$port/coverage?$q"
done

#!/usr/bin/env bash
# The first coverage answers of a started service, as a user meets them (issue 13: Ukraine at 1 km <= 5 s).
# Usage: scripts/first-coverage.sh [JAR] [PORT] QUERY...   e.g. scripts/first-coverage.sh "" 7171 'from=UKR&range_km=1'
# Starts JAR (default: the built borderline.jar) with the README's JVM options (plus $EXTRA), waits until the
# published layers are computed, then prints HTTP status and curl's total time in seconds of each /coverage?QUERY.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-borderline-server/target/borderline.jar}; port=${2:-7171}; shift 2
log=$(mktemp)
# shellcheck disable=SC2086
java -Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 -XX:SoftRefLRUPolicyMSPerMB=0 ${EXTRA:-} \
  -jar "$jar" --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 240); do grep -q "published layers computed" "$log" && break; sleep 0.5; done
grep -q "published layers computed" "$log" || { echo "service did not start; log:" >&2; tail -20 "$log" >&2; exit 1; }
sleep 1
for q in "$@"; do
  curl -s -o /dev/null -w "$q %{http_code} %{time_total}\n" "http://127.0.0.1:$port/coverage?$q"
done

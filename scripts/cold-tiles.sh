#!/usr/bin/env bash
# Cold vector tiles over HTTP: starts a fresh service, waits until its background warm-up is done (the
# published layers and the tiles' per-zoom copies, as a running service has them seconds after start-up),
# then asks every zoom 0-14 for tiles it has never served (so the encoded-tile cache cannot answer):
# up to 40 tiles per zoom drawn with a fixed seed from the tiles that cover the loaded region
# (lon 13.5-50E, lat 41-70.5N). Prints per zoom the count, median, p95 and maximum time to the last byte.
# Usage: scripts/cold-tiles.sh [port]   (needs the jar: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-7199}"
log="$(mktemp)"
jar="$(mktemp --suffix=.jar)" # a copy: a rebuild during the run cannot change the classes under the JVM
cp borderline-server/target/borderline.jar "$jar"
java -jar "$jar" --port "$port" --data data >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$log" "$jar"' EXIT
until grep -q 'vector tile zoom copies built' "$log"; do
  kill -0 "$pid" || { cat "$log"; exit 1; }
  sleep 1
done
grep -o 'published layers computed and vector tile zoom copies built in [0-9]* ms' "$log"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
all="$(mktemp)"
for z in $(seq 0 14); do
  /usr/bin/python3 - "$z" <<'PY' >"$all.urls"
import math, random, sys
z = int(sys.argv[1]); n = 1 << z
def tx(lon): return int((lon + 180) / 360 * n)
def ty(lat):
    r = math.radians(lat); return int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
tiles = [(x, y) for x in range(tx(13.5), min(tx(50), n - 1) + 1) for y in range(ty(70.5), min(ty(41), n - 1) + 1)]
random.seed(20250124 + z)
for x, y in random.sample(tiles, min(40, len(tiles))): print(f"{z}/{x}/{y}")
PY
  while read -r t; do
    curl -s -o /dev/null -w "$z %{time_total} %{http_code}\n" "http://127.0.0.1:$port/tiles/$t.mvt"
  done <"$all.urls" | tee -a "$all" | sort -k2 -n | awk -v z="$z" '{t[NR]=$2} END {
    printf "z%-2d tiles %2d  median %6.3f s  p95 %6.3f s  max %6.3f s\n", z, NR, t[int((NR+1)/2)], t[int(NR*0.95+0.999)], t[NR]}'
done
sort -k2 -n "$all" | awk '{t[NR]=$2} END {printf "all  tiles %d  median %.3f s  p95 %.3f s  max %.3f s\n", NR, t[int((NR+1)/2)], t[int(NR*0.95+0.999)], t[NR]}'
awk '$3 != 200 && $3 != 204 {print "unexpected status", $0}' "$all"
rm -f "$all" "$all.urls"

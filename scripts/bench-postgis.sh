#!/usr/bin/env bash
# Borderline and PostGIS side by side (issue #7): installs PostgreSQL and PostGIS from Debian's
# packages if missing (postgresql, postgis and postgresql-postgis, the extension itself), starts a throw-away server on 127.0.0.1 under a temporary data directory,
# and runs io.borderline.bench.PostgisComparison, which loads the same boundaries and points into
# it and writes target/postgis-comparison.md. The server and its directory are removed on exit.
# Usage: scripts/bench-postgis.sh            (all sections, 10,000 points)
#        POINTS=2000 SECTIONS=distance scripts/bench-postgis.sh
# Environment: BENCH_PG_PORT (default 55432), POINTS, REF_POINTS (default 1000), SECTIONS (distance,coverage),
#              COUNTRIES (default BLR,RUS,FIN,UKR,POL; each in every dataset that draws it).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PG_PORT:-55432}"
report="${REPORT:-target/postgis-comparison.md}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ] || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "installing postgresql and postgis from Debian's packages" >&2
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgis postgresql-postgis
fi
bin="$(pg_bin)"

# The server refuses to run as root: run it as the postgres user the Debian package creates.
if [ "$(id -u)" = 0 ]; then run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi

pgdir="$(mktemp -d /tmp/borderline-pg.XXXXXX)"
snapshot="$(mktemp -d /tmp/borderline-bench.XXXXXX)"
started=""
cleanup() {
  if [ -n "$started" ]; then run_pg "$bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$pgdir" "$snapshot"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres: "$pgdir"

run_pg "$bin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
# fsync off: only the load writes; max_parallel_workers_per_gather 0: one core per query, as
# Borderline's single-thread numbers; jit off: the queries are dominated by PostGIS C code.
run_pg "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o \
  "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=0 -c jit=off" start >/dev/null
started=1
run_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres bench
run_pg "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d bench -c "CREATE EXTENSION postgis" >/dev/null

# one reactor build (no install): the classpath points at the modules' jars under their target/
mvn -B -q -DskipTests -pl borderline-server -am package dependency:build-classpath -Dmdep.outputFile="$PWD/borderline-server/target/bench.classpath" -Dmdep.includeScope=test
cp -r borderline-server/target/classes borderline-server/target/test-classes "$snapshot/"
echo "uptime before: $(uptime)"
# -Xmn64m: a small young generation. With the default one, the measured thread's CPU time per GeographicLib inverse
# swung between 1 and 9 µs for seconds at a time within one run on the shared machine; with a small one it stayed at 1.0-1.1 µs.
java -Xmx3g -Xmn64m -Dpoints="${POINTS:-10000}" -DrefPoints="${REF_POINTS:-1000}" -Dsections="${SECTIONS:-distance,coverage}" \
  -Dcountries="${COUNTRIES:-BLR,RUS,FIN,UKR,POL}" \
  -cp "$snapshot/test-classes:$snapshot/classes:$(cat borderline-server/target/bench.classpath)" \
  io.borderline.bench.PostgisComparison "jdbc:postgresql://127.0.0.1:$port/bench?user=postgres" "$report"
echo "uptime after: $(uptime)"
echo "report: $report"

#!/usr/bin/env bash
# Runs a JMH benchmark side by side against an older commit: the commit is built in a temporary git worktree (its
# own data files, as committed then), and the benchmark runs alternately there and here, ROUNDS times (default 2).
# Usage: scripts/bench-against.sh COMMIT [JMH options]
#   e.g. scripts/bench-against.sh d7129fd DistanceBenchmark -p dataset=osm10m
# Prints each run's mean, p50 and p99 lines with the commit, the time and the load average before it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 COMMIT [JMH options]" >&2; exit 2; }
base="$1"; shift
here="$PWD"
there="$(mktemp -d /tmp/borderline-base.XXXXXX)"
trap 'git -C "$here" worktree remove --force "$there" >/dev/null 2>&1 || rm -rf "$there"' EXIT
git worktree add -q --detach "$there" "$base"
(cd "$there" && mvn -B -q -DskipTests -Dborderline.cds.skip=true package >/dev/null)
for round in $(seq 1 "${ROUNDS:-2}"); do
  for dir in "$there" "$here"; do
    echo "== round $round $(git -C "$dir" rev-parse --short HEAD) $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$dir" && scripts/bench.sh "$@") 2>&1 | grep -E '^[A-Za-z]+Benchmark\.[A-Za-z]+(:p0\.50|:p0\.99)? '
  done
done

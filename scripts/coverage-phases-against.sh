#!/usr/bin/env bash
# A country's cold coverage phase by phase (CoveragePhaseTimes), side by side against an older commit: that commit's
# engine (borderline-core) is built in a temporary git worktree and put first on the class path, and the two run
# alternately, ROUNDS times (default 2), with the README's JVM options.
# Usage: scripts/coverage-phases-against.sh COMMIT ISO3:RANGE_KM     e.g. scripts/coverage-phases-against.sh 8f2450f RUS:5
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 COMMIT ISO3:RANGE_KM" >&2; exit 2; }
base="$1"
here="$PWD"
there="$(mktemp -d /tmp/borderline-base.XXXXXX)"
trap 'git -C "$here" worktree remove --force "$there" >/dev/null 2>&1 || rm -rf "$there"' EXIT
git worktree add -q --detach "$there" "$base"
(cd "$there" && mvn -B -q -DskipTests -Dborderline.cds.skip=true -pl borderline-core compile >/dev/null)
mvn -B -q -DskipTests -Dborderline.cds.skip=true -pl borderline-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/borderline-server/target/phases.classpath" -Dmdep.includeScope=test >/dev/null
deps="$(tr ':' '\n' < borderline-server/target/phases.classpath | grep -v '/borderline-core' | paste -sd:)"
jvm=(-Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 -XX:SoftRefLRUPolicyMSPerMB=0)
for round in $(seq 1 "${ROUNDS:-2}"); do
  for dir in "$there" "$here"; do
    echo "== round $round $(git -C "$dir" rev-parse --short HEAD) $(date -u +%H:%M:%S)"
    java "${jvm[@]}" -cp "borderline-server/target/test-classes:$dir/borderline-core/target/classes:$deps" \
      io.borderline.bench.CoveragePhaseTimes "$2" | grep -E 'rep|load'
  done
done

#!/usr/bin/env bash
# Runs the JMH benchmarks (borderline-server/src/test/java/io/borderline/bench) against the committed data.
# Usage: scripts/bench.sh [JMH options, e.g. DistanceBenchmark -p dataset=osm10m]
# The compiled classes are copied to a snapshot first, so rebuilding during a run cannot break it.
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor build (no install): the classpath points at the modules' jars under their target/
mvn -B -q -DskipTests -pl borderline-server -am package dependency:build-classpath -Dmdep.outputFile="$PWD/borderline-server/target/bench.classpath" -Dmdep.includeScope=test
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
cp -r borderline-server/target/classes borderline-server/target/test-classes "$snapshot/"
java -cp "$snapshot/test-classes:$snapshot/classes:$(cat borderline-server/target/bench.classpath)" org.openjdk.jmh.Main "$@"

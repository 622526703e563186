#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/io/borderline/bench) against the committed data.
# Usage: scripts/bench.sh [JMH options, e.g. DistanceBenchmark -p dataset=osm10m]
# The compiled classes are copied to a snapshot first, so rebuilding during a run cannot break it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes target/test-classes "$snapshot/"
java -cp "$snapshot/test-classes:$snapshot/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"

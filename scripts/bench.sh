#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/io/borderline/bench) against the committed data.
# Usage: scripts/bench.sh [JMH options, e.g. DistanceBenchmark -p dataset=osm10m]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"

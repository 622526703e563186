#!/usr/bin/env bash
# Spark job throughput in local mode against the single-JVM engine loop, same seeded points (issue 14).
# Usage: scripts/bench-spark.sh [POINT COUNTS...] (a count written warm:N is a warm-up run, printed as WARMUP)   (default 100000 1000000); -Dcores via CORES (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl borderline-spark -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/borderline-spark/target/bench.classpath" -Dmdep.includeScope=test
opens="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' borderline-spark/pom.xml)"
[ $# -gt 0 ] || set -- 100000 1000000
java -Xmx6g $opens -Dcores="${CORES:-2}" \
  -cp "borderline-spark/target/test-classes:borderline-spark/target/classes:$(cat borderline-spark/target/bench.classpath)" \
  io.borderline.spark.SparkThroughput "$@"

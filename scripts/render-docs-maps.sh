#!/usr/bin/env bash
# Regenerates the README's map images from a running service (default http://127.0.0.1:7070):
#   docs/claims-map.png        the three cited claims
#   docs/coverage-blr-30km.png everything within 30 km of Belarus
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-http://127.0.0.1:7070}"
mkdir -p "$root/docs"
curl -fsS "$base/maps/claims.png" -o "$root/docs/claims-map.png"
curl -fsS "$base/maps/coverage.png?from=BLR&range_km=30" -o "$root/docs/coverage-blr-30km.png"
echo "wrote docs/claims-map.png and docs/coverage-blr-30km.png from $base"

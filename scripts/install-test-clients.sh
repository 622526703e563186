#!/usr/bin/env bash
# Installs, from Debian's packages, the real clients the test suite drives: GDAL (OAPIF, MVT, LIBKML),
# QGIS's Python bindings, LibreOffice Impress + poppler (slides to PDF to PNG), Chromium + ChromeDriver
# (the web page), the DejaVu fonts, and HAProxy + wrk (replicas behind a load balancer). Tests that need one of them fail under CI=true when it is missing.
set -euo pipefail
PACKAGES=(gdal-bin python3-qgis qgis-providers libreoffice-impress poppler-utils chromium chromium-driver fonts-dejavu-core haproxy wrk curl)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test clients already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"

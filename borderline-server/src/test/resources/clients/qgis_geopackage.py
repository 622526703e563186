"""Opens GeoPackages the service wrote in QGIS (PyQGIS, headless, its OGR provider) and prints, per layer, whether
it is valid, its CRS, its feature count as QGIS reads it (by iterating), its fields and its geometry type.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_geopackage.py <file.gpkg>=<layer> [...]
Output: one JSON object per line: {"file", "layer", "valid", "crs", "features", "fields", "geometry", "error"}.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes

app = QgsApplication([], False)
app.initQgis()
try:
    for arg in sys.argv[1:]:
        path, name = arg.rsplit("=", 1)
        layer = QgsVectorLayer(path + "|layername=" + name, name, "ogr")
        out = {"file": path, "layer": name, "valid": layer.isValid()}
        if layer.isValid():
            out["crs"] = layer.crs().authid()
            out["features"] = sum(1 for _ in layer.getFeatures())  # iterate: do not trust the layer's count
            out["fields"] = layer.fields().names()
            out["geometry"] = QgsWkbTypes.displayString(layer.wkbType())
        else:
            out["error"] = layer.error().summary()
        print(json.dumps(out), flush=True)
finally:
    sys.stdout.flush()
    # QgsApplication.exitQgis() crashes on Debian's QGIS 3.22 when run headless (exit 139);
    # every result is printed and flushed by now, so leave without the teardown.
    os._exit(0)

"""Renders Borderline's OGC API layers the way QGIS shows them, to a PNG for the README.

QGIS (Debian python3-qgis) loads the collections from a running service as OAPIF layers, styles
them, and renders the map with its own renderer, headless.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis-render-layers.py http://127.0.0.1:7070 docs/qgis-oapif-layers.png
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer, QgsFillSymbol, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling,
                       QgsCoordinateTransform, QgsProject)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont

base, out = sys.argv[1], sys.argv[2]
app = QgsApplication([], False)
app.initQgis()


def layer(name, where=None):
    uri = f"url='{base}' typename='{name}' pagingEnabled='true'"
    lyr = QgsVectorLayer(uri, name, "OAPIF")
    if not lyr.isValid():
        raise SystemExit(f"{name}: {lyr.error().summary()}")
    if where:
        lyr.setSubsetString(where)
    return lyr


countries = layer("countries")
countries.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "238,236,228", "outline_style": "no"}))
coverage = layer("coverage-blr", "\"drone\" = 'lancet'")
coverage.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "200,40,40,70", "outline_color": "180,30,30", "outline_width": "0.5"}))
coverage_rus = layer("coverage-rus", "\"drone\" = 'lancet'")
coverage_rus.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "40,60,200,50", "outline_color": "30,50,170", "outline_width": "0.5"}))
borders = layer("borders")
borders.renderer().setSymbol(QgsLineSymbol.createSimple({"color": "60,60,60", "width": "0.6"}))
claims = layer("claims")
claims.renderer().setSymbol(QgsMarkerSymbol.createSimple(
    {"name": "circle", "color": "255,200,0", "outline_color": "0,0,0", "size": "3"}))
labels = QgsPalLayerSettings()
labels.fieldName = "concat(\"place\", ': ', format_number(\"measured_km\", 1), ' km (claimed ', \"claimed_km\", ')')"
labels.isExpression = True
fmt = QgsTextFormat()
fmt.setFont(QFont("DejaVu Sans"))
fmt.setSize(9)
labels.setFormat(fmt)
claims.setLabeling(QgsVectorLayerSimpleLabeling(labels))
claims.setLabelsEnabled(True)

for lyr in (countries, coverage_rus, coverage, borders, claims):
    QgsProject.instance().addMapLayer(lyr)

settings = QgsMapSettings()
settings.setLayers([claims, borders, coverage, coverage_rus, countries])
laea = QgsCoordinateReferenceSystem("EPSG:3035")
settings.setDestinationCrs(laea)
extent = QgsRectangle(19.0, 51.0, 31.5, 60.0)
to_laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), laea, QgsProject.instance())
settings.setExtent(to_laea.transformBoundingBox(extent))
settings.setOutputSize(QSize(1600, 1200))
settings.setBackgroundColor(QColor(214, 230, 242))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
job.renderedImage().save(out, "png")
print(f"wrote {out}", flush=True)
os._exit(0)  # exitQgis() crashes headless on Debian's QGIS 3.22; the image is written

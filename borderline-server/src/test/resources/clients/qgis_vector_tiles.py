"""Adds Borderline's vector tiles to QGIS (PyQGIS, headless) as a QgsVectorTileLayer, styles the countries tile
layer, renders a map of Belarus and Lithuania in EPSG:3857 and reports the colours of pixels at known places.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_vector_tiles.py <base-url> <image-dir>
Output: one JSON object per line, one per way of loading the tiles:
  {"name", "url", "valid", "error", "zmin", "zmax", "colours": {"background", "minsk", "lithuania", "sea"},
   "expected": {point: colour the styling must give it}, "render_errors", "image"}
Colours are "#rrggbb" (the rendered pixel, alpha dropped: the map is drawn on an opaque background).

Ways tried:
  xyz        type=xyz with the service's {z}/{x}/{y}.mvt template, styled by a QgsVectorTileBasicRenderer
             (Belarus, Lithuania and every other country in their own fill colour, by the "code" attribute);
  ogc-as-xyz the OGC API - Tiles template /tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol} written with
             QGIS's XYZ placeholders ({z}/{y}/{x}): the same tiles, as an OGC API - Tiles URL;
  ogc-raw    the OGC API - Tiles template exactly as the service publishes it ({tileMatrix}, {tileRow},
             {tileCol}): QGIS 3.22 has no OGC API - Tiles provider, and the layer of an xyz source whose url lacks
             {x}, {y} (or {-y}) and {z} is invalid (QgsVectorTileUtils::checkXYZUrlTemplate); reported as such;
  mapbox-gl  the xyz source styled by the service's own /tiles/style.json, converted by QgsMapBoxGlStyleConverter.
"""
import json
import os
import sys
import urllib.request

from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDataSourceUri,
    QgsMapBoxGlStyleConversionContext,
    QgsMapBoxGlStyleConverter, QgsMapRendererSequentialJob, QgsMapSettings, QgsPointXY, QgsProject,
    QgsRectangle, QgsSymbol, QgsVectorTileBasicRenderer, QgsVectorTileBasicRendererStyle, QgsVectorTileLayer,
    QgsWkbTypes,
)

BACKGROUND = "#ffffff"
COUNTRY_FILLS = [("BLR", '"code" = \'BLR\'', "#cc3311"), ("LTU", '"code" = \'LTU\'', "#228833"),
                 ("other", '"code" NOT IN (\'BLR\', \'LTU\')', "#aaaaaa")]
# lon, lat: Minsk; the middle of Lithuania; the Baltic Sea west of the Curonian Spit (no feature of any layer)
POINTS = {"minsk": (27.56, 53.9), "lithuania": (24.0, 55.0), "sea": (19.6, 55.6)}
EXTENT_LONLAT = (19.0, 51.0, 33.0, 57.0)
SIZE = (800, 600)


def basic_renderer():
    styles = []
    for name, expression, colour in COUNTRY_FILLS:
        style = QgsVectorTileBasicRendererStyle(name, "countries", QgsWkbTypes.PolygonGeometry)
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry)
        symbol.setColor(QColor(colour))
        symbol.symbolLayer(0).setStrokeStyle(0)  # Qt.NoPen: the pixel is the fill, not an outline
        style.setSymbol(symbol)
        style.setFilterExpression(expression)
        style.setMinZoomLevel(-1)
        style.setMaxZoomLevel(-1)
        styles.append(style)
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles(styles)
    return renderer


def render(layer, image_path):
    to_3857 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                     QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    west, south, east, north = EXTENT_LONLAT
    extent = to_3857.transformBoundingBox(QgsRectangle(west, south, east, north))
    settings = QgsMapSettings()
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setLayers([layer])
    settings.setOutputSize(QSize(*SIZE))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(BACKGROUND))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(image_path, "PNG")
    m2p = settings.mapToPixel()
    colours = {"background": BACKGROUND}
    for name, (lon, lat) in POINTS.items():
        p = m2p.transform(to_3857.transform(QgsPointXY(lon, lat)))
        colours[name] = QColor(image.pixel(int(round(p.x())), int(round(p.y())))).name()
    errors = [f"{e.layerID}: {e.message}" for e in job.errors()]
    return colours, errors


def style_json(base):
    with urllib.request.urlopen(base + "/tiles/style.json", timeout=120) as r:
        return json.loads(r.read().decode("utf-8"))


def main():
    base, image_dir = sys.argv[1], sys.argv[2]
    xyz = f"{base}/tiles/{{z}}/{{x}}/{{y}}.mvt"
    ways = [
        ("xyz", xyz, "basic"),
        ("ogc-as-xyz", f"{base}/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}", "basic"),
        ("ogc-raw", f"{base}/tiles/WebMercatorQuad/{{tileMatrix}}/{{tileRow}}/{{tileCol}}", "basic"),
        ("mapbox-gl", xyz, "mapbox-gl"),
    ]
    for name, url, styling in ways:
        # QgsDataSourceUri encodes the url (its braces, slashes and colon) as QGIS's own "Add layer" does
        uri = QgsDataSourceUri()
        uri.setParam("type", "xyz")
        uri.setParam("url", url)
        uri.setParam("zmin", "0")
        uri.setParam("zmax", "14")
        layer = QgsVectorTileLayer(bytes(uri.encodedUri()).decode("utf-8"), name)
        out = {"name": name, "url": url, "valid": layer.isValid(), "error": None}
        if not layer.isValid():
            # layer.error() and the zoom getters crash (SIGSEGV) on an invalid QgsVectorTileLayer in 3.22; its only
            # check of an xyz source is QgsVectorTileUtils::checkXYZUrlTemplate: {x}, {y} or {-y}, and {z}
            out["error"] = "not a QGIS XYZ template (it needs {x}, {y} or {-y}, and {z})"
        else:
            out["zmin"], out["zmax"] = layer.sourceMinZoom(), layer.sourceMaxZoom()
            expected = {"background": BACKGROUND, "minsk": COUNTRY_FILLS[0][2], "lithuania": COUNTRY_FILLS[1][2],
                        "sea": BACKGROUND}
            if styling == "basic":
                layer.setRenderer(basic_renderer())
            else:
                context = QgsMapBoxGlStyleConversionContext()
                converter = QgsMapBoxGlStyleConverter()
                style = style_json(base)
                result = converter.convert(style, context)
                out["conversion"] = {"result": int(result), "error": converter.errorMessage(),
                                     "warnings": list(context.warnings())[:10]}
                renderer = converter.renderer()
                if renderer is not None:
                    # 3.22's converter drops "layout": {"visibility": "none"}: every layer the style hides (the
                    # coverage of each drone but the default one) would be drawn. Hide them as a client would.
                    hidden = {l["id"] for l in style["layers"]
                              if l.get("layout", {}).get("visibility") == "none"}
                    styles = renderer.styles()
                    out["hidden_in_style_json"] = len(hidden)
                    out["hidden_but_enabled_by_converter"] = sum(
                        1 for st in styles if st.styleName() in hidden and st.isEnabled())
                    for st in styles:
                        if st.styleName() in hidden:
                            st.setEnabled(False)
                    renderer.setStyles(styles)
                    layer.setRenderer(renderer)
                if converter.labeling() is not None:
                    layer.setLabeling(converter.labeling())
                out["styles"] = [st.styleName() for st in renderer.styles() if st.isEnabled()] \
                    if renderer is not None else []
                # the style's default country fill (Lithuania, outside every visible coverage) and its background
                # layer (the sea; QGIS 3.22 converts it into a style of its own); Belarus lies under the visible
                # coverage's translucent fill and Minsk under its site's circle, so it has no one colour to expect
                expected = {"lithuania": "#f4f1ea", "sea": "#dbe7ef"}
            image = os.path.join(image_dir, f"qgis-tiles-{name}.png")
            out["colours"], out["render_errors"] = render(layer, image)
            out["expected"] = expected
            out["image"] = image
        print(json.dumps(out), flush=True)


app = QgsApplication([], False)
app.initQgis()
try:
    main()
finally:
    sys.stdout.flush()
    # QgsApplication.exitQgis() crashes on Debian's QGIS 3.22 when run headless (exit 139);
    # every result is printed and flushed by now, so leave without the teardown.
    os._exit(0)

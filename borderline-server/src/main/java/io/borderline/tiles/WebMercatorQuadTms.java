package io.borderline.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebMercatorQuad tile matrix set as the OGC Two Dimensional Tile Matrix Set 2.0 JSON encoding
 * (OGC 17-083r4, Annex D), zoom 0 to {@link VectorTiles#MAX_ZOOM}: 256-pixel tiles, origin at the top
 * left corner (-πR, πR) of EPSG:3857, cell size 2πR / 256 / 2^z metres, scale denominator cell size /
 * 0.28 mm (the standardized rendering pixel). These are the same tiles as {@link TileId}: tileMatrix = z,
 * tileRow = y, tileCol = x.
 *
 * <p>The document also carries the members of the 2.0 draft that GDAL 3.6's OGCAPI driver reads instead
 * ({@code identifier}, {@code supportedCRS}, {@code boundingBox.lowerCorner/upperCorner}, and each matrix's
 * {@code identifier} and {@code topLeftCorner}): without them it does not recognise the document as a tile
 * matrix set. The schema of the standard allows additional members.
 */
public final class WebMercatorQuadTms {
    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    /** Tile width and height, pixels. */
    public static final int TILE_PIXELS = 256;
    /** The standardized rendering pixel size, m. */
    public static final double PIXEL_M = 0.00028;

    private WebMercatorQuadTms() {}

    /** Cell (pixel) size at zoom z, EPSG:3857 metres. */
    public static double cellSize(int z) {
        return 2 * WebMercator.HALF_WORLD_M / TILE_PIXELS / (1L << z);
    }

    /** The TileMatrixSet 2.0 JSON document, as nested maps and lists. */
    public static Map<String, Object> document() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ID);
        m.put("title", "Google Maps Compatible for the World");
        m.put("uri", URI);
        m.put("crs", CRS);
        m.put("orderedAxes", List.of("X", "Y"));
        m.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        List<Double> lower = List.of(-WebMercator.HALF_WORLD_M, -WebMercator.HALF_WORLD_M);
        List<Double> upper = List.of(WebMercator.HALF_WORLD_M, WebMercator.HALF_WORLD_M);
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("crs", CRS);
        box.put("lowerLeft", lower);
        box.put("upperRight", upper);
        box.put("lowerCorner", lower); // the draft's names (GDAL 3.6)
        box.put("upperCorner", upper);
        m.put("boundingBox", box);
        m.put("identifier", ID);
        m.put("supportedCRS", CRS);
        List<Object> matrices = new ArrayList<>();
        for (int z = 0; z <= VectorTiles.MAX_ZOOM; z++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", Integer.toString(z));
            t.put("scaleDenominator", cellSize(z) / PIXEL_M);
            t.put("cellSize", cellSize(z));
            t.put("cornerOfOrigin", "topLeft");
            t.put("pointOfOrigin", List.of(-WebMercator.HALF_WORLD_M, WebMercator.HALF_WORLD_M));
            t.put("identifier", Integer.toString(z));
            t.put("topLeftCorner", List.of(-WebMercator.HALF_WORLD_M, WebMercator.HALF_WORLD_M));
            t.put("tileWidth", TILE_PIXELS);
            t.put("tileHeight", TILE_PIXELS);
            t.put("matrixWidth", 1L << z);
            t.put("matrixHeight", 1L << z);
            matrices.add(t);
        }
        m.put("tileMatrices", matrices);
        return m;
    }
}

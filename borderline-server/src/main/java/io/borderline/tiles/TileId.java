package io.borderline.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * A tile of the OGC WebMercatorQuad tile matrix set (EPSG:3857, the XYZ scheme of OpenStreetMap and
 * Mapbox): zoom {@code z}, column {@code x} from the antimeridian eastwards, row {@code y} from the north
 * (about 85.05°N) southwards; both from 0 to 2^z - 1.
 *
 * @param z zoom level, 0 to {@link VectorTiles#MAX_ZOOM}
 * @param x column
 * @param y row, from the north
 */
public record TileId(int z, int x, int y) {

    public TileId {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
    }

    /** Tile width and height in EPSG:3857 metres. */
    public double sizeM() {
        return 2 * WebMercator.HALF_WORLD_M / (1L << z);
    }

    /** The tile's bounds in EPSG:3857 metres. */
    public Envelope envelope() {
        double size = sizeM();
        double minX = -WebMercator.HALF_WORLD_M + x * size;
        double maxY = WebMercator.HALF_WORLD_M - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}

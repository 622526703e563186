package io.borderline.data;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Which half-degree cells of a territory's bounding box are wholly land, wholly outside, wholly in a lake
 * (a hole of the land), or crossed by its boundary. Written by the data build beside each boundary file
 * ({@link CellFile}), so a point in a whole cell is answered "inside" or "outside" without decoding the
 * territory: the first query near Minsk no longer decodes and indexes Russia (whose bounding box holds
 * Minsk) to learn that Minsk is not in it. Only a point in a crossed cell needs the exact locator.
 *
 * <p>Exact, not approximate: a cell is "whole" only if no ring edge touches it, closed (an edge's
 * longitude/latitude box, widened by {@link #EPSILON_DEG}, marks every cell it reaches), so every point of
 * a whole cell has the state of its centre, which an exact point-in-polygon test decides. Immutable.
 */
public final class CellRaster {
    /** Cell size, degrees. */
    public static final double CELL_DEG = 0.5;
    /** Margin around an edge when marking the cells it touches, degrees (a vertex on a cell line marks both sides). */
    static final double EPSILON_DEG = 1e-9;

    /** No part of the cell is in the territory (neither land nor a lake it encloses). */
    public static final int OUTSIDE = 0;
    /** The whole cell is land of the territory. */
    public static final int LAND = 1;
    /** The cell holds boundary: ask the exact locator. */
    public static final int CROSSED = 2;
    /** The whole cell is a lake or river enclosed by the territory (a hole of its land, inside an outer ring). */
    public static final int LAKE = 3;

    private final int col0;
    private final int row0;
    private final int cols;
    private final int rows;
    private final byte[] cells; // 2 bits per cell, row-major from (col0, row0)

    CellRaster(int col0, int row0, int cols, int rows, byte[] cells) {
        if (cols < 0 || rows < 0 || cells.length != bytesFor(cols, rows)) {
            throw new IllegalArgumentException("cell raster of " + cols + " x " + rows + " cannot have "
                + cells.length + " bytes");
        }
        this.col0 = col0;
        this.row0 = row0;
        this.cols = cols;
        this.rows = rows;
        this.cells = cells;
    }

    static int bytesFor(int cols, int rows) {
        return (int) (((long) cols * rows * 2 + 7) / 8);
    }

    /** The raster of a polygonal territory (longitude/latitude, longitudes as its rings write them). */
    public static CellRaster of(Geometry land) {
        Envelope env = land.getEnvelopeInternal();
        if (env.isNull()) {
            return new CellRaster(0, 0, 0, 0, new byte[0]);
        }
        int col0 = index(env.getMinX() - EPSILON_DEG);
        int row0 = index(env.getMinY() - EPSILON_DEG);
        int cols = index(env.getMaxX() + EPSILON_DEG) - col0 + 1;
        int rows = index(env.getMaxY() + EPSILON_DEG) - row0 + 1;
        boolean[] crossed = new boolean[cols * rows];
        for (Object o : LinearComponentExtracter.getLines(land)) {
            CoordinateSequence s = ((LineString) o).getCoordinateSequence();
            for (int i = 0; i + 1 < s.size(); i++) {
                int c1 = index(Math.min(s.getX(i), s.getX(i + 1)) - EPSILON_DEG) - col0;
                int c2 = index(Math.max(s.getX(i), s.getX(i + 1)) + EPSILON_DEG) - col0;
                int r1 = index(Math.min(s.getY(i), s.getY(i + 1)) - EPSILON_DEG) - row0;
                int r2 = index(Math.max(s.getY(i), s.getY(i + 1)) + EPSILON_DEG) - row0;
                for (int r = Math.max(0, r1); r <= Math.min(rows - 1, r2); r++) {
                    for (int c = Math.max(0, c1); c <= Math.min(cols - 1, c2); c++) {
                        crossed[r * cols + c] = true;
                    }
                }
            }
        }
        IndexedPointInAreaLocator landLocator = new IndexedPointInAreaLocator(land);
        IndexedPointInAreaLocator shellLocator = new IndexedPointInAreaLocator(shells(land));
        byte[] bits = new byte[bytesFor(cols, rows)];
        Coordinate centre = new Coordinate();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int state;
                if (crossed[r * cols + c]) {
                    state = CROSSED;
                } else {
                    centre.x = (col0 + c + 0.5) * CELL_DEG;
                    centre.y = (row0 + r + 0.5) * CELL_DEG;
                    state = landLocator.locate(centre) != Location.EXTERIOR ? LAND
                        : shellLocator.locate(centre) != Location.EXTERIOR ? LAKE : OUTSIDE;
                }
                set(bits, r * cols + c, state);
            }
        }
        return new CellRaster(col0, row0, cols, rows, bits);
    }

    /** The land with its holes filled: each part's outer ring as a polygon (lakes it encloses count as inside). */
    static Geometry shells(Geometry land) {
        Polygon[] shells = new Polygon[land.getNumGeometries()];
        for (int k = 0; k < shells.length; k++) {
            Polygon p = (Polygon) land.getGeometryN(k);
            shells[k] = land.getFactory().createPolygon(p.getExteriorRing().getCoordinateSequence());
        }
        return land.getFactory().createMultiPolygon(shells);
    }

    private static int index(double deg) {
        return (int) Math.floor(deg / CELL_DEG);
    }

    private static void set(byte[] bits, int k, int state) {
        bits[k >>> 2] |= (byte) (state << ((k & 3) * 2));
    }

    /**
     * The state of the cell holding (lat, x), x the longitude as the territory's rings write it:
     * {@link #OUTSIDE} beyond the raster.
     */
    public int state(double lat, double x) {
        int c = index(x) - col0;
        int r = index(lat) - row0;
        if (c < 0 || r < 0 || c >= cols || r >= rows) {
            return OUTSIDE;
        }
        int k = r * cols + c;
        return (cells[k >>> 2] >>> ((k & 3) * 2)) & 3;
    }

    /** True if a cell that is not wholly outside overlaps the box (x as the territory's rings write longitude). */
    public boolean anyWithin(double minX, double minY, double maxX, double maxY) {
        int c1 = Math.max(0, index(minX) - col0);
        int c2 = Math.min(cols - 1, index(maxX) - col0);
        int r1 = Math.max(0, index(minY) - row0);
        int r2 = Math.min(rows - 1, index(maxY) - row0);
        for (int r = r1; r <= r2; r++) {
            for (int c = c1; c <= c2; c++) {
                int k = r * cols + c;
                if (((cells[k >>> 2] >>> ((k & 3) * 2)) & 3) != OUTSIDE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The state of the raster's cell (col, row), counted from (col0, row0). */
    int stateAt(int col, int row) {
        int k = row * cols + col;
        return (cells[k >>> 2] >>> ((k & 3) * 2)) & 3;
    }

    int col0() {
        return col0;
    }

    int row0() {
        return row0;
    }

    int cols() {
        return cols;
    }

    int rows() {
        return rows;
    }

    byte[] cells() {
        return cells.clone();
    }
}

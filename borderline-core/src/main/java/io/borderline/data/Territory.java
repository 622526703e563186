package io.borderline.data;

import io.borderline.geodesy.GridLocator;
import io.borderline.geodesy.SegmentIndex;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A country's land territory in one dataset, with the indexes every query reuses: the
 * boundary segments (for distances) and point-in-polygon locators (for "inside").
 *
 * <p>The land data cuts lakes, reservoirs and wide rivers out of a country as holes; those are
 * still the country's territory, so {@link #inShell} (holes filled) exists for the inside test.
 *
 * <p>Lazy: the envelope and area are known at once; the geometry is decoded and indexed the
 * first time a query needs it (a point outside the envelope never does), so the world's 250
 * territories cost nothing until used. Thread-safe.
 */
public final class Territory {
    /** Grid cell of the point-in-polygon accelerators, degrees (about 5 km). */
    private static final double GRID_CELL_DEG = 0.05;

    private final CountryCode code;
    private final double areaKm2;
    private final Envelope envelope;
    private final int numPoints;
    private Supplier<Geometry> source;
    private volatile Indexed indexed;
    private volatile SegmentIndex boundary;
    private volatile long[] partCells;

    private record Indexed(Geometry land, GridLocator landLocator, GridLocator shellLocator) {}

    public Territory(CountryCode code, Geometry land, double areaKm2) {
        this(code, () -> land, land.getEnvelopeInternal(), land.getNumPoints(), areaKm2);
    }

    /**
     * @param land supplies the land territory on first use (longitude/latitude)
     * @param envelope its bounding box, degrees
     * @param numPoints its vertex count
     */
    public Territory(CountryCode code, Supplier<Geometry> land, Envelope envelope, int numPoints, double areaKm2) {
        this.code = code;
        this.source = land;
        this.envelope = envelope;
        this.numPoints = numPoints;
        this.areaKm2 = areaKm2;
    }

    private Indexed indexed() {
        Indexed i = indexed;
        if (i == null) {
            synchronized (this) {
                i = indexed;
                if (i == null) {
                    Geometry land = source.get();
                    GridLocator landLocator = new GridLocator(land, GRID_CELL_DEG);
                    Polygon[] shells = new Polygon[land.getNumGeometries()];
                    for (int k = 0; k < shells.length; k++) {
                        Polygon p = (Polygon) land.getGeometryN(k);
                        shells[k] = land.getFactory().createPolygon(p.getExteriorRing().getCoordinateSequence());
                    }
                    GridLocator shellLocator = new GridLocator(land.getFactory().createMultiPolygon(shells), GRID_CELL_DEG);
                    i = new Indexed(land, landLocator, shellLocator);
                    indexed = i;
                    source = null;
                }
            }
        }
        return i;
    }

    /**
     * The distance index, built on the first distance query: a point-in-territory test (which every answer's
     * {@code in_states} makes for each territory around the point) needs only the locators, and Russia's
     * segment index is most of the five seconds its indexing takes.
     */
    private SegmentIndex boundaryIndex() {
        SegmentIndex b = boundary;
        if (b == null) {
            Indexed i = indexed();
            synchronized (this) {
                b = boundary;
                if (b == null) {
                    b = new SegmentIndex.Builder().addGeometry(i.land(), 0).build();
                    boundary = b;
                }
            }
        }
        return b;
    }

    public CountryCode code() {
        return code;
    }

    /** The land territory, longitude/latitude (decoded on first use). */
    public Geometry land() {
        return indexed().land();
    }

    /**
     * The land territory without building its indexes: what a layer drawing every country of the world needs
     * (indexing all of them would hold every country's distance index in memory). Decoded again from the data
     * file on each call until a query has indexed the territory.
     */
    public Geometry geometry() {
        Supplier<Geometry> s = source;
        Indexed i = indexed;
        return i != null ? i.land() : s != null ? s.get() : land();
    }

    /** Bounding box of the land territory, degrees; known without decoding it. */
    public Envelope envelope() {
        return envelope;
    }

    /** Vertex count of the land territory; known without decoding it. */
    public int numPoints() {
        return numPoints;
    }

    /** True once the territory's geometry and indexes are in memory. */
    public boolean loaded() {
        return indexed != null;
    }

    /** Ellipsoidal area of the land territory (holes excluded), km². */
    public double areaKm2() {
        return areaKm2;
    }

    /** Every edge of the territory's rings: coast, lake shores and land borders alike. */
    public SegmentIndex boundary() {
        return boundaryIndex();
    }

    /** True if the point lies on the land territory or its boundary. */
    public boolean onLand(double lat, double lon) {
        double x = unwrap(lon);
        return !Double.isNaN(x) && indexed().landLocator().covers(lat, x);
    }

    /** True if the point lies inside an outer ring, i.e. on land or on a lake enclosed by it. */
    public boolean inShell(double lat, double lon) {
        double x = unwrap(lon);
        return !Double.isNaN(x) && indexed().shellLocator().covers(lat, x);
    }

    /**
     * True if the territory may hold the point: inside its bounding box and in a one-degree cell that the
     * bounding box of one of its parts reaches. A cheap test before {@link #onLand} that does not index the
     * territory: the bounding boxes of Russia, the United States, Fiji or New Zealand span the globe (they
     * cross the antimeridian), and without the cells every point at their latitudes would index them.
     */
    public boolean mayContain(double lat, double lon) {
        double x = unwrap(lon);
        return !Double.isNaN(x) && lat >= envelope.getMinY() && lat <= envelope.getMaxY() && inPartCell(lat, x);
    }

    /**
     * True if the territory may have land in the longitude/latitude box: a one-degree cell that the bounding box
     * of one of its parts reaches overlaps it (the box shifted by 360° too, for data unwrapped across the
     * antimeridian). As {@link #mayContain}, it does not index the territory: a box near one of France's
     * overseas departments must not index every territory whose bounding box spans the globe.
     */
    public boolean mayIntersect(Envelope box) {
        return mayIntersectAt(box, 0) || mayIntersectAt(box, 360);
    }

    private boolean mayIntersectAt(Envelope box, double shift) {
        if (envelope.isNull() || box.isNull() || box.getMaxY() < envelope.getMinY() || box.getMinY() > envelope.getMaxY()
            || box.getMaxX() + shift < envelope.getMinX() || box.getMinX() + shift > envelope.getMaxX()) {
            return false;
        }
        long[] cells = partCells();
        int cols = partCellCols();
        int rows = (int) Math.floor(envelope.getHeight()) + 1;
        int c0 = Math.max(0, (int) Math.floor(box.getMinX() + shift - envelope.getMinX()));
        int c1 = Math.min(cols - 1, (int) Math.floor(box.getMaxX() + shift - envelope.getMinX()));
        int r0 = Math.max(0, (int) Math.floor(box.getMinY() - envelope.getMinY()));
        int r1 = Math.min(rows - 1, (int) Math.floor(box.getMaxY() - envelope.getMinY()));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int k = r * cols + c;
                if ((cells[k >>> 6] & (1L << (k & 63))) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean inPartCell(double lat, double x) {
        long[] cells = partCells();
        int cols = partCellCols();
        int c = (int) Math.floor(x - envelope.getMinX());
        int r = (int) Math.floor(lat - envelope.getMinY());
        int k = r * cols + c;
        return c >= 0 && r >= 0 && c < cols && (cells[k >>> 6] & (1L << (k & 63))) != 0;
    }

    private int partCellCols() {
        return (int) Math.floor(envelope.getWidth()) + 1;
    }

    /** Bitmap of the one-degree cells (from the envelope's corner) that a part's bounding box reaches; built once. */
    private long[] partCells() {
        long[] cells = partCells;
        if (cells == null) {
            int cols = partCellCols();
            int rows = (int) Math.floor(envelope.getHeight()) + 1;
            cells = new long[(cols * rows + 63) / 64];
            Geometry g = geometry(); // decoded without indexing (or the indexed land)
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Envelope e = g.getGeometryN(i).getEnvelopeInternal();
                int c0 = (int) Math.floor(e.getMinX() - envelope.getMinX());
                int c1 = Math.min(cols - 1, (int) Math.floor(e.getMaxX() - envelope.getMinX()));
                int r0 = (int) Math.floor(e.getMinY() - envelope.getMinY());
                int r1 = Math.min(rows - 1, (int) Math.floor(e.getMaxY() - envelope.getMinY()));
                for (int r = Math.max(0, r0); r <= r1; r++) {
                    for (int c = Math.max(0, c0); c <= c1; c++) {
                        int k = r * cols + c;
                        cells[k >>> 6] |= 1L << (k & 63);
                    }
                }
            }
            partCells = cells;
        }
        return cells;
    }

    /**
     * The point's longitude as the territory's coordinates write it (Natural Earth unwraps rings
     * across the antimeridian to longitudes beyond 180°), or NaN if it is outside the envelope.
     */
    private double unwrap(double lon) {
        if (envelope.isNull()) {
            return Double.NaN;
        }
        if (lon >= envelope.getMinX() && lon <= envelope.getMaxX()) {
            return lon;
        }
        if (lon + 360 >= envelope.getMinX() && lon + 360 <= envelope.getMaxX()) {
            return lon + 360;
        }
        return Double.NaN;
    }
}

package io.borderline.data;

import io.borderline.geodesy.GridLocator;
import io.borderline.geodesy.SegmentIndex;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A country's land territory in one dataset, with the indexes every query reuses: the
 * boundary segments (for distances) and point-in-polygon locators (for "inside").
 *
 * <p>The land data cuts lakes, reservoirs and wide rivers out of a country as holes; those are
 * still the country's territory, so {@link #inShell} (holes filled) exists for the inside test.
 *
 * <p>Lazy: the envelope, area and cell raster ({@link CellRaster}, from the data build) are known at once; the
 * geometry is decoded and indexed the first time a query needs it (a point in a cell the raster marks wholly
 * land, lake or outside never does), so the world's 250 territories cost nothing until used. Thread-safe.
 */
public final class Territory {
    /** Grid cell of the point-in-polygon accelerators, degrees (about 5 km). */
    private static final double GRID_CELL_DEG = 0.05;

    private final CountryCode code;
    private final double areaKm2;
    private final Envelope envelope;
    private final int numPoints;
    private final Supplier<Geometry> source;
    private final Lazy<Indexed> indexed = new Lazy<>(this::index);
    // the distance index apart from the locators (each has its own lock: either takes seconds for Russia), built
    // from the land alone: a distance to Russia from Helsinki never asks whether a point is in Russia where the
    // cell raster cannot answer
    private final Lazy<SegmentIndex> boundary = new Lazy<>(() -> new SegmentIndex.Builder().addGeometry(geometry(), 0)
        .build());
    private final Lazy<CellRaster> cells;

    private record Indexed(Geometry land, GridLocator landLocator, GridLocator shellLocator) {}

    public Territory(CountryCode code, Geometry land, double areaKm2) {
        this(code, () -> land, land.getEnvelopeInternal(), land.getNumPoints(), areaKm2, null);
    }

    /**
     * @param land supplies the land territory on first use (longitude/latitude)
     * @param envelope its bounding box, degrees
     * @param numPoints its vertex count
     * @param cells its cell raster from the data build, or null to compute it from the land on first use
     */
    public Territory(CountryCode code, Supplier<Geometry> land, Envelope envelope, int numPoints, double areaKm2,
                     CellRaster cells) {
        this.code = code;
        this.source = land;
        this.envelope = envelope;
        this.numPoints = numPoints;
        this.areaKm2 = areaKm2;
        this.cells = cells != null ? new Lazy<>(() -> cells) : new Lazy<>(() -> CellRaster.of(geometry()));
    }

    private Indexed index() {
        Geometry land = source.get();
        return new Indexed(land, new GridLocator(land, GRID_CELL_DEG),
            new GridLocator(CellRaster.shells(land), GRID_CELL_DEG));
    }

    public CountryCode code() {
        return code;
    }

    /** The land territory, longitude/latitude (decoded on first use). */
    public Geometry land() {
        return indexed.get().land();
    }

    /**
     * The land territory without building its indexes: what a layer drawing every country of the world needs
     * (indexing all of them would hold every country's distance index in memory). Decoded again from the data
     * file on each call until a query has indexed the territory.
     */
    public Geometry geometry() {
        Indexed i = indexed.peek();
        return i != null ? i.land() : source.get();
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
        return indexed.peek() != null;
    }

    /** Ellipsoidal area of the land territory (holes excluded), km². */
    public double areaKm2() {
        return areaKm2;
    }

    /** Every edge of the territory's rings: coast, lake shores and land borders alike. */
    public SegmentIndex boundary() {
        return boundary.get();
    }

    /** True if the point lies on the land territory or its boundary. */
    public boolean onLand(double lat, double lon) {
        double x = unwrap(lon);
        if (Double.isNaN(x)) {
            return false;
        }
        return switch (cells.get().state(lat, x)) {
            case CellRaster.LAND -> true;
            case CellRaster.CROSSED -> indexed.get().landLocator().covers(lat, x);
            default -> false;
        };
    }

    /** True if the point lies inside an outer ring, i.e. on land or on a lake enclosed by it. */
    public boolean inShell(double lat, double lon) {
        double x = unwrap(lon);
        if (Double.isNaN(x)) {
            return false;
        }
        return switch (cells.get().state(lat, x)) {
            case CellRaster.LAND, CellRaster.LAKE -> true;
            case CellRaster.CROSSED -> indexed.get().shellLocator().covers(lat, x);
            default -> false;
        };
    }

    /**
     * True if the territory may hold the point: its cell raster does not put the point's half-degree cell wholly
     * outside. Answered without decoding the territory (the raster comes from the data build), so a point at
     * the latitudes of Russia, the United States, Fiji or New Zealand, whose bounding boxes span the globe,
     * does not index them.
     */
    public boolean mayContain(double lat, double lon) {
        double x = unwrap(lon);
        return !Double.isNaN(x) && lat >= envelope.getMinY() && lat <= envelope.getMaxY()
            && cells.get().state(lat, x) != CellRaster.OUTSIDE;
    }

    /** The territory's cell raster (from the data build, or computed from the land). */
    public CellRaster cells() {
        return cells.get();
    }

    /**
     * True if the territory may have land in the longitude/latitude box: a half-degree cell of its raster that is
     * not wholly outside overlaps it (the box shifted by 360° too, for data unwrapped across the antimeridian).
     * As {@link #mayContain}, it does not index or decode the territory: a box near one of France's overseas
     * departments must not index every territory whose bounding box spans the globe.
     */
    public boolean mayIntersect(Envelope box) {
        if (envelope.isNull() || box.isNull() || box.getMaxY() < envelope.getMinY() || box.getMinY() > envelope.getMaxY()) {
            return false;
        }
        for (double shift : new double[] {0, 360, -360}) {
            if (box.getMaxX() + shift >= envelope.getMinX() && box.getMinX() + shift <= envelope.getMaxX()
                && cells.get().anyWithin(box.getMinX() + shift, box.getMinY(), box.getMaxX() + shift, box.getMaxY())) {
                return true;
            }
        }
        return false;
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

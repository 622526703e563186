package io.borderline.data;

import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.GridLocator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A country's land territory in one dataset, with the indexes every query reuses: the
 * boundary segments (for distances) and point-in-polygon locators (for "inside").
 *
 * <p>The land data cuts lakes, reservoirs and wide rivers out of a country as holes; those are
 * still the country's territory, so {@link #inShell} (holes filled) exists for the inside test.
 * Immutable and thread-safe.
 */
public final class Territory {
    private final CountryCode code;
    private final Geometry land;
    private final double areaKm2;
    private final SegmentIndex boundary;
    /** Grid cell of the point-in-polygon accelerators, degrees (about 5 km). */
    private static final double GRID_CELL_DEG = 0.05;

    private final GridLocator landLocator;
    private final GridLocator shellLocator;

    public Territory(CountryCode code, Geometry land, double areaKm2) {
        this.code = code;
        this.land = land;
        this.areaKm2 = areaKm2;
        this.boundary = new SegmentIndex.Builder().addGeometry(land, 0).build();
        this.landLocator = new GridLocator(land, GRID_CELL_DEG);
        Polygon[] shells = new Polygon[land.getNumGeometries()];
        for (int i = 0; i < shells.length; i++) {
            Polygon p = (Polygon) land.getGeometryN(i);
            shells[i] = land.getFactory().createPolygon(p.getExteriorRing().getCoordinates());
        }
        this.shellLocator = new GridLocator(land.getFactory().createMultiPolygon(shells), GRID_CELL_DEG);
    }

    public CountryCode code() {
        return code;
    }

    /** The land territory, longitude/latitude. */
    public Geometry land() {
        return land;
    }

    /** Ellipsoidal area of the land territory (holes excluded), km². */
    public double areaKm2() {
        return areaKm2;
    }

    /** Every edge of the territory's rings: coast, lake shores and land borders alike. */
    public SegmentIndex boundary() {
        return boundary;
    }

    /** True if the point lies on the land territory or its boundary. */
    public boolean onLand(double lat, double lon) {
        return landLocator.covers(lat, lon);
    }

    /** True if the point lies inside an outer ring, i.e. on land or on a lake enclosed by it. */
    public boolean inShell(double lat, double lon) {
        return shellLocator.covers(lat, lon);
    }
}

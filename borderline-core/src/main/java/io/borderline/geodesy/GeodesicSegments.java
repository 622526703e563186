package io.borderline.geodesy;

import java.util.concurrent.atomic.LongAdder;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distance from a point to one boundary segment on the WGS84 ellipsoid.
 *
 * <p>A segment is the short edge between two consecutive vertices of the source data (the
 * data build densifies every edge to at most {@link #MAX_SEGMENT_M}). The foot of the
 * perpendicular is located on the chord in ECEF coordinates; the point at the same fraction of
 * the edge is then measured exactly with GeographicLib's inverse solution. Because the distance
 * is stationary at the foot, the error of locating it enters only to second order. The edge is
 * taken as linear in longitude and latitude, which departs from the geodesic between the same
 * vertices by under 0.2 m on edges of at most 2 km; against a brute-force minimisation along every
 * edge as a geodesic, {@code DistanceAccuracyTest} measures at most 0.16 m and fails above 0.25 m.
 * Thread-safe.
 */
public final class GeodesicSegments {
    /** Longest edge the data build leaves in any boundary, metres. */
    public static final double MAX_SEGMENT_M = 2_000;

    private static final int INVERSE_MASK = GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH;

    /** Exact GeographicLib inverse solutions computed by {@link #measure}, for benchmarks. */
    private static final LongAdder INVERSE_CALLS = new LongAdder();

    private GeodesicSegments() {}

    /**
     * Number of exact GeographicLib inverse solutions the segment indexes have computed since the JVM
     * started, over all threads: the cost per query that pruning is there to cut (benchmarks read the
     * difference before and after a run; a {@link LongAdder}, so counting costs a few nanoseconds).
     */
    public static long inverseCalls() {
        return INVERSE_CALLS.sum();
    }

    /**
     * Geodesic distance from (lat, lon) to the point at fraction {@code t} of the edge from
     * (latA, lonA) to (latB, lonB); the point is interpolated linearly in longitude and
     * latitude, which for edges of at most 2 km departs from the geodesic by under 0.2 m.
     */
    static NearestPoint measure(double lat, double lon, double latA, double lonA,
                                double latB, double lonB, double t, int segment) {
        double qLat = latAt(latA, latB, t);
        double qLon = lonAt(lonA, lonB, t);
        INVERSE_CALLS.increment();
        GeodesicData g = Wgs84.GEODESIC.Inverse(lat, lon, qLat, qLon, INVERSE_MASK);
        double bearing = g.s12 == 0 ? Double.NaN : normalizeBearing(g.azi1);
        // the azimuth at the nearest point onwards along the geodesic, turned round: the way back to the query point
        double back = g.s12 == 0 ? Double.NaN : g.azi2 > 0 ? g.azi2 - 180 : g.azi2 + 180;
        return new NearestPoint(g.s12, qLat, qLon, bearing, segment, back);
    }

    /** Latitude at fraction t of an edge, linear in latitude; the vertices themselves exactly at t = 0 and 1. */
    static double latAt(double latA, double latB, double t) {
        return t == 0 ? latA : t == 1 ? latB : latA + t * (latB - latA);
    }

    /**
     * Longitude at fraction t of an edge, linear in longitude the short way round (across the antimeridian
     * when that is shorter), in [-180, 180] between the vertices; the vertices themselves exactly as stored at t = 0
     * and 1.
     */
    static double lonAt(double lonA, double lonB, double t) {
        if (t == 0) {
            return lonA;
        }
        if (t == 1) {
            return lonB;
        }
        double dLon = lonB - lonA;
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        double qLon = lonA + t * dLon;
        if (qLon > 180) {
            qLon -= 360;
        } else if (qLon < -180) {
            qLon += 360;
        }
        return qLon;
    }

    /** Maps an azimuth in (-180, 180] to [0, 360). */
    public static double normalizeBearing(double azimuthDeg) {
        double b = azimuthDeg % 360;
        return b < 0 ? b + 360 : b;
    }

    /** A longitude in [-180, 180) degrees (Natural Earth writes antimeridian rings with longitudes beyond 180). */
    public static double normalizeLon(double lonDeg) {
        if (lonDeg >= -180 && lonDeg < 180) {
            return lonDeg;
        }
        double x = ((lonDeg + 180) % 360 + 360) % 360 - 180;
        return x;
    }
}

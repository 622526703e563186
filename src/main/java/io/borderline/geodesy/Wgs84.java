package io.borderline.geodesy;

import net.sf.geographiclib.Geodesic;

/**
 * The WGS84 ellipsoid: the one {@link Geodesic} every computation uses, and the
 * Earth-centred Earth-fixed (ECEF) Cartesian coordinates the spatial indexes prune with.
 *
 * <p>The straight-line (chord) distance between two ECEF points never exceeds the geodesic
 * distance between them on the ellipsoid, which is what makes ECEF boxes a valid lower bound
 * for geodesic branch-and-bound searches. Thread-safe: stateless.
 */
public final class Wgs84 {
    public static final Geodesic GEODESIC = Geodesic.WGS84;
    /** Semi-major axis in metres. */
    public static final double A_M = 6378137.0;
    /** Flattening. */
    public static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private Wgs84() {}

    /** Writes the ECEF coordinates (metres) of a surface point into {@code out[offset..offset+2]}. */
    public static void toEcef(double latDeg, double lonDeg, double[] out, int offset) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double n = A_M / Math.sqrt(1 - E2 * sinLat * sinLat);
        out[offset] = n * cosLat * Math.cos(lon);
        out[offset + 1] = n * cosLat * Math.sin(lon);
        out[offset + 2] = n * (1 - E2) * sinLat;
    }

    /**
     * Upper bound, in metres, for how far a geodesic of length {@code lengthM} departs from
     * its chord: the sagitta {@code L^2 / (8 r)} of an arc with the smallest radius of
     * curvature on the ellipsoid, doubled for safety and padded by 1 mm for rounding.
     */
    public static double sagittaBoundM(double lengthM) {
        double minRadius = A_M * (1 - E2); // meridional radius at the equator: the smallest
        return 2 * lengthM * lengthM / (8 * minRadius) + 1e-3;
    }
}

package io.borderline.http;

/**
 * The Web Mercator (EPSG:3857, spherical, R = 6,378,137 m) and slippy-map tile formulas, written out here so
 * that tile tests check the service's {@code WebMercator} and tiling against an independent statement of the
 * standard rather than against the code under test.
 */
public final class MercatorReference {
    /** EPSG:3857 sphere radius (the WGS84 semi-major axis), metres. */
    public static final double R_M = 6_378_137.0;
    /** Latitude where the square world ends, atan(sinh(pi)) = 85.0511 degrees. */
    public static final double MAX_LAT_DEG = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private MercatorReference() {
    }

    /** EPSG:3857 easting, metres. */
    public static double x(double lonDeg) {
        return R_M * Math.toRadians(lonDeg);
    }

    /** EPSG:3857 northing, metres. */
    public static double y(double latDeg) {
        return R_M * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latDeg) / 2));
    }

    /** Fractional tile column at zoom z (0 at the antimeridian, eastwards). */
    public static double column(double lonDeg, int z) {
        return (lonDeg + 180) / 360 * (1 << z);
    }

    /** Fractional tile row at zoom z (0 at the north edge, southwards). */
    public static double row(double latDeg, int z) {
        double phi = Math.toRadians(latDeg);
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z);
    }

    /** Edge length of one tile at zoom z, metres of EPSG:3857. */
    public static double tileSizeM(int z) {
        return 2 * Math.PI * R_M / (1 << z);
    }
}

package io.borderline.tiles;

import io.borderline.projection.CoordinateMap;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical ("Pseudo") Mercator, EPSG:3857, on the WGS84 semi-major axis: the projection of
 * WebMercatorQuad tiles. Exact closed formulas (x = R·λ, y = R·ln tan(π/4 + φ/2)); latitudes are
 * clamped to ±{@link #MAX_LAT_DEG}, where the square tile pyramid ends. Stateless, thread-safe.
 */
public final class WebMercator {
    /** WGS84 semi-major axis, m: the sphere radius EPSG:3857 uses. */
    public static final double RADIUS_M = 6_378_137.0;
    /** Half the width of the projected world, m (π·R). */
    public static final double HALF_WORLD_M = Math.PI * RADIUS_M;
    /** The latitude where y = π·R, degrees (the north and south edge of tile 0/0/0). */
    public static final double MAX_LAT_DEG = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private WebMercator() {}

    /** Easting, m, of a longitude in degrees. */
    public static double x(double lonDeg) {
        return RADIUS_M * Math.toRadians(lonDeg);
    }

    /** Northing, m, of a latitude in degrees (clamped to ±MAX_LAT_DEG). */
    public static double y(double latDeg) {
        double lat = Math.max(-MAX_LAT_DEG, Math.min(MAX_LAT_DEG, latDeg));
        return RADIUS_M * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    /** Longitude, degrees, of an easting in m. */
    public static double lon(double xM) {
        return Math.toDegrees(xM / RADIUS_M);
    }

    /** Latitude, degrees, of a northing in m. */
    public static double lat(double yM) {
        return Math.toDegrees(Math.atan(Math.sinh(yM / RADIUS_M)));
    }

    /** A copy of a lon/lat geometry in EPSG:3857 metres. */
    public static Geometry project(Geometry lonLat) {
        CoordinateMap toMercator = (lon, lat, out) -> {
            out[0] = x(lon);
            out[1] = y(lat);
        };
        return toMercator.applyTo(lonLat);
    }
}

package io.borderline.analysis;

import io.borderline.geodesy.LatLon;

/**
 * Geodesic between two points on WGS84 (GeographicLib inverse solution, accurate to 15 nm).
 *
 * @param a start
 * @param b end
 * @param distanceM geodesic distance, metres
 * @param initialBearingDeg azimuth at {@code a}, degrees from true north
 * @param finalBearingDeg azimuth at {@code b}, degrees from true north
 */
public record PointToPoint(LatLon a, LatLon b, double distanceM, Double initialBearingDeg, Double finalBearingDeg) {

    /** {@code distanceM} in km, rounded to the metre (3 decimals). */
    @com.fasterxml.jackson.annotation.JsonProperty("distance_km")
    public double distanceKm() {
        return Rounding.km(distanceM);
    }
}

package io.borderline.analysis;

import io.borderline.geodesy.LatLon;

/**
 * Minimum geodesic distance between two countries' territories, with the two points that attain it.
 *
 * @param a first country
 * @param b second country
 * @param dataset dataset id
 * @param distanceM minimum distance, metres (0 if the territories touch or overlap)
 * @param pointA the point of {@code a} nearest to {@code b}
 * @param pointB the point of {@code b} nearest to {@code a}
 * @param bearingDeg initial azimuth from {@code pointA} to {@code pointB} (null at 0 distance)
 */
public record PairDistance(String a, String b, String dataset, double distanceM, LatLon pointA, LatLon pointB,
                           Double bearingDeg) {

    /** {@code distanceM} in km, rounded to the metre (3 decimals). */
    @com.fasterxml.jackson.annotation.JsonProperty("distance_km")
    public double distanceKm() {
        return Rounding.km(distanceM);
    }
}

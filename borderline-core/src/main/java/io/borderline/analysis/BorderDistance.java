package io.borderline.analysis;

import io.borderline.geodesy.LatLon;

/**
 * Distance from a point to a country's international boundary line: the shared borders with
 * the other loaded countries (political boundary through rivers and lakes; coasts and lake
 * shores are not borders).
 *
 * @param distanceM geodesic distance to the nearest point of the boundary line, metres
 * @param nearestPoint that point
 * @param bearingDeg initial azimuth from the query point towards it, degrees from true north
 * @param borderId the border the nearest point lies on, e.g. BLR-LTU
 * @param segmentKind "land" where the two countries' land meets there, "water" where the line runs in a river,
 *     a lake or between two territorial seas, null where the dataset does not tell (Natural Earth)
 */
public record BorderDistance(double distanceM, LatLon nearestPoint, Double bearingDeg, String borderId,
                             String segmentKind) {

    /** {@code distanceM} in km, rounded to the metre (3 decimals). */
    @com.fasterxml.jackson.annotation.JsonProperty("distance_km")
    public double distanceKm() {
        return Rounding.km(distanceM);
    }
}

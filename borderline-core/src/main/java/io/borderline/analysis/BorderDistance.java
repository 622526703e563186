package io.borderline.analysis;

import io.borderline.geodesy.LatLon;

/**
 * Distance from a point to a country's international boundary line: the shared borders with
 * its neighbours (political boundary through rivers and lakes, and with {@code borderLine}
 * "political" the territorial-sea lines; coasts and lake shores are not borders).
 *
 * @param distanceM geodesic distance to the nearest point of the boundary line, metres
 * @param nearestPoint that point
 * @param bearingDeg initial azimuth from the query point towards it, degrees from true north
 * @param borderId the border the nearest point lies on, e.g. BLR-LTU
 * @param segmentKind "land" where the two countries' land meets there, "water" where the line runs in a river
 *     or a lake, "sea" where two territorial seas meet, null where the dataset does not tell (Natural Earth)
 * @param borderLine the line measured to: "political" (land, rivers, lakes and territorial sea) or "land"
 *     (without the lines at sea)
 */
public record BorderDistance(double distanceM, LatLon nearestPoint, Double bearingDeg, String borderId,
                             String segmentKind, String borderLine) {

    /** A distance to the political line (the default). */
    public BorderDistance(double distanceM, LatLon nearestPoint, Double bearingDeg, String borderId, String segmentKind) {
        this(distanceM, nearestPoint, bearingDeg, borderId, segmentKind, "political");
    }

    /** {@code distanceM} in km, rounded to the metre (3 decimals). */
    @com.fasterxml.jackson.annotation.JsonProperty("distance_km")
    public double distanceKm() {
        return Rounding.km(distanceM);
    }
}

package io.borderline.analysis;

import io.borderline.geodesy.LatLon;
import java.util.List;

/**
 * How far a point is from a country, in one dataset.
 *
 * <p>{@code distanceM} is the geodesic distance (WGS84) to the nearest point of the country's
 * land territory, coast included; it is 0 when the point is inside the territory (on land, or on
 * a lake or river enclosed by it), with {@code inside} true. {@code border} is, separately, the
 * distance to the country's international boundary line; from inside the country that is "the
 * distance to the border". Both are exact minima over every boundary segment of the dataset to
 * within 1 m (proved by a brute-force test).
 *
 * @param point the query point
 * @param to the country measured to
 * @param dataset dataset id
 * @param inside true if the point is inside the country's territory
 * @param inStates every loaded state whose territory contains the point (two where the data overlaps)
 * @param distanceM 0 inside, else distance to the nearest point of the territory, metres
 * @param nearestPoint nearest point of the territory's boundary (null inside)
 * @param bearingDeg initial azimuth towards {@code nearestPoint}, degrees from true north (null inside)
 * @param nearestPointOnWindowEdge true if the nearest point lies on the artificial edge of the region window
 * @param border distance to the international boundary line, or null if the country has no loaded neighbour
 */
public record CountryDistance(LatLon point, String to, String dataset, boolean inside, List<String> inStates,
                              double distanceM, LatLon nearestPoint, Double bearingDeg,
                              boolean nearestPointOnWindowEdge, BorderDistance border) {

    /** {@code distanceM} in km, rounded to the metre (3 decimals). */
    @com.fasterxml.jackson.annotation.JsonProperty("distance_km")
    public double distanceKm() {
        return Rounding.km(distanceM);
    }
}

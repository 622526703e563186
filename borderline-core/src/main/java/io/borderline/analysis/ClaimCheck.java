package io.borderline.analysis;

import java.util.List;

/**
 * A claim against the data: computed on request, never stored.
 *
 * @param claimId claim id of a cited claim, null for anyone's claim
 * @param place id of the place (site id or GeoNames id), null for a bare point
 * @param placeDefinition how the place is represented (a GeoNames point: the city centre)
 * @param target country the claim measures to
 * @param claimedKm the claimed distance, km
 * @param verdictToleranceKm half-width of the band inside which a claim counts as accurate, km: how far a claim
 *     may round, not the measurement accuracy
 * @param verdictToleranceRule how the verdict tolerance is derived
 * @param measurementAccuracyM accuracy of each measured distance against the dataset, metres
 * @param measurementAccuracy what that accuracy covers and what it does not (the data's resolution)
 * @param borderLine the line the boundary measurements measure to: "political" (with the territorial-sea lines)
 *     or "land" (without them)
 * @param measurements one per dataset that draws the target and definition of "the border"
 * @param reach what it takes to reach the place from the target country
 */
public record ClaimCheck(String claimId, String place, String placeDefinition, String target, double claimedKm,
                         double verdictToleranceKm, String verdictToleranceRule, double measurementAccuracyM,
                         String measurementAccuracy, String borderLine, List<Measurement> measurements, Reach reach) {

    /**
     * @param minRangeKm the smallest range that reaches the place from the target's territory
     *     (default dataset, nearest land), km
     * @param droneClasses catalogue classes whose nominal range is at least that
     */
    public record Reach(double minRangeKm, List<String> droneClasses) {}

    /**
     * One measured value.
     *
     * @param dataset dataset id
     * @param definition political_boundary (the border line through rivers, lakes and the territorial sea),
     *     land_boundary (the same without the lines at sea; with border=land) or nearest_territory (the
     *     nearest land of the target country)
     * @param measuredKm measured geodesic distance, km
     * @param differenceKm claimed minus measured, km
     * @param differencePercent difference relative to the measured value, % (null if the measured value is 0)
     * @param verdict accurate, overstated (claimed more than measured) or understated (claimed less)
     * @param nearestLat latitude of the nearest point, degrees
     * @param nearestLon longitude of the nearest point, degrees
     * @param bearingDeg bearing from the place to the nearest point, degrees (null at distance 0)
     * @param placeInsideTarget true if this dataset puts the place itself inside the target country
     *     (Natural Earth does so for Narva, whose river border it draws too coarsely)
     */
    public record Measurement(String dataset, String definition, double measuredKm, double differenceKm,
                              Double differencePercent, String verdict, double nearestLat, double nearestLon,
                              Double bearingDeg, boolean placeInsideTarget) {}
}

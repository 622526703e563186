package io.borderline.userdata;

import java.util.List;

/**
 * What repairing a target's invalid areas changed (JTS {@code GeometryFixer}, as the data build
 * repairs its own boundaries). Areas are ellipsoidal (GeographicLib): before the repair every
 * ring counts with its own area, holes subtracted, so a self-intersecting ring counts with its
 * signed area.
 *
 * @param repairedFeatures the features that were invalid and were repaired (empty if none)
 * @param areaChangeKm2 total area after minus before over the repaired features, km²
 */
public record RepairReport(List<FeatureRepair> repairedFeatures, double areaChangeKm2) {
    /**
     * @param feature the feature's id
     * @param problem what JTS found invalid, with its location
     * @param areaBeforeKm2 ellipsoidal area before the repair, km²
     * @param areaAfterKm2 ellipsoidal area after it, km²
     */
    public record FeatureRepair(String feature, String problem, double areaBeforeKm2, double areaAfterKm2) {}
}

package io.borderline.analysis;

import java.util.List;

/**
 * A validated coverage request.
 *
 * @param dataset dataset id
 * @param sourceKind country, border, site or point
 * @param sourceIds country codes, border ids, site ids, or one "lat,lon"
 * @param rangeKm range, km (1 to 2,500)
 * @param droneId the drone class the range came from, or null
 * @param beyond true to keep only the reach beyond the source's own territory
 */
public record CoverageRequest(String dataset, String sourceKind, List<String> sourceIds, double rangeKm,
                              String droneId, boolean beyond) {
    /** Cache key: everything that changes the answer. */
    public String key() {
        return dataset + "|" + sourceKind + "|" + String.join(",", sourceIds) + "|" + rangeKm + "|" + beyond;
    }
}

package io.borderline.build;

/**
 * What repairing one country's source geometry changed, for {@code data/SOURCES.md}.
 *
 * @param dataset dataset id
 * @param country country code
 * @param rawVertices vertices in the source parts that touch the region window
 * @param validationError JTS's first validity error of the source, or "valid"
 * @param rawAreaKm2 area of the source rings, each ring measured on its own (signed), km²
 * @param repairedAreaKm2 ellipsoidal area after {@code GeometryFixer}, before clipping, km²
 * @param clippedAreaKm2 area finally stored (after clipping to the window), km²
 * @param storedVertices vertices stored after clipping and densifying
 */
record RepairReport(String dataset, String country, int rawVertices, String validationError,
                    double rawAreaKm2, double repairedAreaKm2, double clippedAreaKm2, int storedVertices) {

    double repairDeltaKm2() {
        return repairedAreaKm2 - rawAreaKm2;
    }

    double repairDeltaPercent() {
        return rawAreaKm2 == 0 ? 0 : 100 * repairDeltaKm2() / rawAreaKm2;
    }
}

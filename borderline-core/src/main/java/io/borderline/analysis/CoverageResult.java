package io.borderline.analysis;

import io.borderline.coverage.Coverage;
import org.locationtech.jts.geom.Geometry;

/**
 * A coverage with its statistics, as cached and served.
 *
 * @param coverage the full coverage (source included)
 * @param geometry what is served: the full coverage, or only the part beyond the source's territory
 * @param stats statistics of {@code geometry}, or null for an outline-only result
 */
public record CoverageResult(Coverage coverage, Geometry geometry, CoverageStats stats) {

    /** Rough heap footprint, for the cache's byte bound. */
    public long weightBytes() {
        return 200L * (geometry.getNumPoints() + coverage.geometry().getNumPoints()) + 20_000;
    }
}

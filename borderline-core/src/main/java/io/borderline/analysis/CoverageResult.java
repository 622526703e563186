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

    /**
     * Rough heap footprint, for the cache's byte bound: the geometries, and the source they hold (its rings and
     * segment index, 128 bytes a vertex as the prepared-source cache counts it). A source shared by several results
     * is counted in each, so the bound holds even after the prepared-source cache let the source go: a cached
     * Russia coverage held its 1.5 million-vertex source (about 200 MB) while being counted as 827 vertices, and two
     * of them ran a 2 GB heap out of memory. A result that weighs more than the whole cache is served, not kept.
     */
    public long weightBytes() {
        return 200L * (geometry.getNumPoints() + coverage.geometry().getNumPoints())
            + 128L * coverage.source().geometry().getNumPoints() + 20_000;
    }
}

package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.data.BoundaryFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The work estimate that refuses coverages up front, against the work actually done: the estimated
 * outline vertex count must be within a factor of three of the computed outline's (the time per vertex
 * is measured in the benchmarks, not here).
 */
class CoverageCostTest {
    private final CoverageService service = new CoverageService(TestData.get(), BoundaryFile.FACTORY);

    @ParameterizedTest(name = "{0} {1} at {2} km")
    @CsvSource({
        "site, lida-airbase, 1", "site, lida-airbase, 120", "site, lida-airbase, 1000",
        "border, BLR-LTU, 30", "border, BLR-LTU, 500",
        "country, BLR, 1", "country, BLR, 20", "country, BLR, 100", "country, BLR, 1000", "country, BLR, 2500",
        "country, LTU, 5", "country, RUS-KGD, 2", "country, UKR, 30",
        // archipelagos and fjords: thousands of parts, most of them merging into one outline
        "country, GRC, 5", "country, PHL, 5", "country, NOR, 5"})
    void estimatedOutlineVerticesMatchTheComputedOutline(String kind, String id, double rangeKm) {
        CoverageRequest req = new CoverageRequest("osm10m", kind, List.of(id), rangeKm, null, false);
        CoverageCost.Estimate estimate = service.estimate(req);
        CoverageResult r = service.outline(req);
        int actual = r.coverage().vertexCount();
        double ratio = (double) estimate.outlineVertices() / actual;
        System.out.printf("%s %s %.0f km: estimated %d outline vertices (%.2f s), computed %d in %d ms; ratio %.2f%n",
            kind, id, rangeKm, estimate.outlineVertices(), estimate.seconds(), actual,
            r.coverage().computeMillis(), ratio);
        assertThat(ratio).isBetween(1 / 3.0, 3.0);
    }
}

package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Territory;
import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.Wgs84;
import java.util.List;
import net.sf.geographiclib.PolygonArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/**
 * The exposure areas of {@code /coverage/stats?from=BLR&range_km=30} against an independent
 * computation: a dense grid of points over the target country, each weighted by its cell's
 * ellipsoidal area, counted when it is on the country's land and within 30 km of Belarus by
 * direct geodesic distance. No coverage polygon is involved. Must agree within 0.5 %.
 */
class CoverageAreaCrossCheckTest {
    private static final double STEP_DEG = 0.01;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LTU", "LVA", "POL"})
    void areaInRangeMatchesAGridCount(String code) {
        Dataset ds = TestData.get().dataset("osm10m");
        CoverageService service = new CoverageService(TestData.get(), BoundaryFile.FACTORY);
        CoverageResult r = service.coverage(new CoverageRequest("osm10m", "country", List.of("BLR"), 30, null, false));
        double reported = r.stats().countries().stream().filter(c -> c.code().equals(code)).findFirst()
            .orElseThrow().areaInRangeKm2();

        Territory target = ds.territory(CountryCode.parse(code).orElseThrow());
        Territory blr = ds.territory(CountryCode.BLR);
        SegmentIndex blrBoundary = blr.boundary();
        Envelope env = target.land().getEnvelopeInternal();
        double total = 0;
        for (double lat = Math.floor(env.getMinY() / STEP_DEG) * STEP_DEG; lat < env.getMaxY(); lat += STEP_DEG) {
            double cell = cellAreaKm2(lat, STEP_DEG);
            for (double lon = Math.floor(env.getMinX() / STEP_DEG) * STEP_DEG; lon < env.getMaxX(); lon += STEP_DEG) {
                double cy = lat + STEP_DEG / 2;
                double cx = lon + STEP_DEG / 2;
                if (!target.onLand(cy, cx)) {
                    continue;
                }
                if (blrBoundary.lowerBoundM(cy, cx) > 30_000) {
                    continue;
                }
                if (blr.onLand(cy, cx) || blrBoundary.nearest(cy, cx).distanceM() <= 30_000) {
                    total += cell;
                }
            }
        }
        System.out.printf("%s within 30 km of BLR: stats %.1f km², grid %.1f km²%n", code, reported, total);
        assertThat(reported).isCloseTo(total, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    /**
     * The source's own territory is in range by definition (distance 0), and the statistics count it so without
     * intersecting it with its cover; the overlay of the territory with the cover gives the same area.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BLR, 30", "EST, 5"})
    void theSourcesOwnTerritoryIsWhollyInRange(String code, double rangeKm) {
        Dataset ds = TestData.get().dataset("osm10m");
        Territory t = ds.territory(CountryCode.parse(code).orElseThrow());
        CoverageResult r = new CoverageService(TestData.get(), BoundaryFile.FACTORY)
            .coverage(new CoverageRequest("osm10m", "country", List.of(code), rangeKm, null, false));
        var own = r.stats().countries().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
        double overlayKm2 = io.borderline.geodesy.EllipsoidalMeasure.areaM2(
            org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(t.land(), r.geometry(),
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION)) / 1e6;
        System.out.printf("%s at %.0f km: own area in range %.1f km², territory %.1f km², overlay %.1f km²%n", code,
            rangeKm, own.areaInRangeKm2(), t.areaKm2(), overlayKm2);
        assertThat(own.sharePercent()).isEqualTo(100.0);
        assertThat(own.areaInRangeKm2()).isCloseTo(overlayKm2, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    /** Ellipsoidal area of a step × step cell whose south edge is at {@code lat}. */
    private static double cellAreaKm2(double lat, double step) {
        PolygonArea pa = new PolygonArea(Wgs84.GEODESIC, false);
        pa.AddPoint(lat, 0);
        pa.AddPoint(lat, step);
        pa.AddPoint(lat + step, step);
        pa.AddPoint(lat + step, 0);
        return Math.abs(pa.Compute().area) / 1e6;
    }
}

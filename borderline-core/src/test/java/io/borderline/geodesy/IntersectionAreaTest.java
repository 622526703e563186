package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.coverage.Sources;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Site;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * {@link IntersectionArea} against the construction it replaces: a JTS overlay of each territory
 * polygon with a real coverage, measured with {@link EllipsoidalMeasure} (GeographicLib's polygon
 * area). Every polygon of the countries around the coverage is compared, crossing ones included.
 */
class IntersectionAreaTest {
    private static final Dataset OSM = TestData.get().dataset("osm10m");

    @ParameterizedTest(name = "{0} {1} at {2} km")
    @CsvSource({"country, BLR, 30", "country, BLR, 1000", "site, lida-airbase, 120", "country, LTU, 5", "country, UKR, 1"})
    void agreesWithTheOverlayOnEveryTerritoryPolygon(String kind, String id, double rangeKm) {
        double r = rangeKm * 1000;
        var source = kind.equals("site")
            ? Sources.points("site", List.of(id), List.of(site(id)), BoundaryFile.FACTORY, List.of(), List.of())
            : Sources.countries(OSM, List.of(CountryCode.parse(id).orElseThrow()), GeodesicBuffer.toleranceM(r) / 10);
        Geometry cover = new GeodesicBuffer(BoundaryFile.FACTORY).compute(source, r).geometry();
        IntersectionArea.Cover prepared = IntersectionArea.prepare(cover, new IndexedPointInAreaLocator(cover));
        int crossing = 0;
        int compared = 0;
        for (CountryCode c : OSM.countries()) {
            Geometry land = OSM.territory(c).land();
            for (int i = 0; i < land.getNumGeometries(); i++) {
                Polygon part = (Polygon) land.getGeometryN(i);
                if (!part.getEnvelopeInternal().intersects(cover.getEnvelopeInternal())) {
                    continue;
                }
                double expected = EllipsoidalMeasure.areaM2(OverlayNGRobust.overlay(part, cover, OverlayNG.INTERSECTION));
                OptionalDouble actual = IntersectionArea.areaWithinM2(part, prepared);
                assertThat(actual).as("%s part %d", c, i).isPresent();
                // GeographicLib sums the same S12 terms; the difference is floating-point rounding
                assertThat(actual.getAsDouble()).as("%s part %d", c, i)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1 + 1e-9 * expected));
                compared++;
                if (expected > 0 && expected < IntersectionArea.areaM2(part) * 0.999) {
                    crossing++;
                }
            }
        }
        assertThat(crossing).as("polygons the outline crosses").isPositive();
        System.out.printf("%s %s %.0f km: %d polygons compared, %d crossed by the outline%n", kind, id, rangeKm,
            compared, crossing);
    }

    private static LatLon site(String id) {
        Site s = TestData.get().sites().get(id);
        return new LatLon(s.lat(), s.lon());
    }
}

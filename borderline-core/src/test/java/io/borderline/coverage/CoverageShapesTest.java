package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.TestData;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.data.BoundaryFile;
import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.Wgs84;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Shapes a planar buffer gets wrong: the antimeridian, the poles, and the options. */
class CoverageShapesTest {
    /** The deadline lifted: these tests hold shapes, not times (Russia's first coverage in a cold JVM can take 20 s). */
    private final GeodesicBuffer engine = new GeodesicBuffer(BoundaryFile.FACTORY, 600);

    @Test
    void aCoverageAcrossTheAntimeridianIsSplitAndStaysExact() {
        LatLon p = new LatLon(60, 179);
        Source s = Sources.points("point", List.of("60,179"), List.of(p), BoundaryFile.FACTORY, List.of(), List.of());
        Coverage c = engine.compute(s, 2_000_000);
        Geometry g = c.geometry();
        Envelope e = g.getEnvelopeInternal();
        assertThat(g.isValid()).isTrue();
        assertThat(e.getMinX()).isGreaterThanOrEqualTo(-180);
        assertThat(e.getMaxX()).isLessThanOrEqualTo(180);
        assertThat(g.getNumGeometries()).isGreaterThanOrEqualTo(2); // parts east and west of 180°
        for (Coordinate v : g.getCoordinates()) {
            if (Math.abs(Math.abs(v.x) - 180) < 1e-9) {
                continue; // points of the cut itself
            }
            double d = Wgs84.GEODESIC.Inverse(p.lat(), p.lon(), v.y, v.x).s12;
            assertThat(Math.abs(d - 2_000_000)).isLessThanOrEqualTo(c.toleranceM());
        }
    }

    @Test
    void aHighLatitudeCoverageIsExact() {
        LatLon p = new LatLon(69.5, 33.0); // Murmansk region
        Source s = Sources.points("point", List.of("69.5,33"), List.of(p), BoundaryFile.FACTORY, List.of(), List.of());
        Coverage c = engine.compute(s, 1_500_000);
        for (Coordinate v : c.geometry().getCoordinates()) {
            double d = Wgs84.GEODESIC.Inverse(p.lat(), p.lon(), v.y, v.x).s12;
            assertThat(Math.abs(d - 1_500_000)).isLessThanOrEqualTo(c.toleranceM());
        }
        assertThat(c.geometry().getEnvelopeInternal().getMaxY()).isGreaterThan(80);
    }

    /**
     * A coverage holding a pole is a polar cap reaching ±90°: every outline vertex within the tolerance of R, points just
     * inside and just beyond R on either side of the pole classified right, and its area that of the geodesic disc
     * measured independently (GeographicLib's polygon of 3,600 points on the circle, which counts its own way round the
     * pole) within the band the tolerance allows.
     */
    @ParameterizedTest
    @CsvSource({"80, 20, 1500", "-80, -150, 1500", "84, 179.5, 800", "-75, 60, 2500"})
    void aCoverageHoldingAPoleIsAPolarCap(double lat, double lon, double rangeKm) {
        LatLon p = new LatLon(lat, lon);
        double r = rangeKm * 1000;
        Source s = Sources.points("point", List.of(lat + "," + lon), List.of(p), BoundaryFile.FACTORY, List.of(), List.of());
        Coverage c = engine.compute(s, r);
        Geometry g = c.geometry();
        assertThat(g.isValid()).isTrue();
        assertThat(c.droppedVertices()).isZero();
        Envelope e = g.getEnvelopeInternal();
        assertThat(e.getMinX()).isGreaterThanOrEqualTo(-180);
        assertThat(e.getMaxX()).isLessThanOrEqualTo(180);
        assertThat(lat > 0 ? e.getMaxY() : -e.getMinY()).isEqualTo(90);
        double tol = c.toleranceM();
        for (Coordinate v : g.getCoordinates()) {
            if (Math.abs(v.y) == 90 || Math.abs(Math.abs(v.x) - 180) < 1e-9) {
                continue; // the closure through the pole and the cut at 180°
            }
            double d = Wgs84.GEODESIC.Inverse(lat, lon, v.y, v.x).s12;
            assertThat(Math.abs(d - r)).as("vertex %s", v).isLessThanOrEqualTo(tol);
        }
        var in = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(g);
        for (int a = 0; a < 360; a += 5) {
            for (double d : new double[] {r - 2 * tol, r + 2 * tol}) {
                var q = Wgs84.GEODESIC.Direct(lat, lon, a, d);
                int where = in.locate(new Coordinate(q.lon2, q.lat2));
                assertThat(where).as("azimuth %d at %.0f m", a, d)
                    .isEqualTo(d < r ? org.locationtech.jts.geom.Location.INTERIOR : org.locationtech.jts.geom.Location.EXTERIOR);
            }
        }
        for (double poleLon = -179; poleLon < 180; poleLon += 17) {
            assertThat(in.locate(new Coordinate(poleLon, Math.signum(lat) * 89.99)))
                .isEqualTo(org.locationtech.jts.geom.Location.INTERIOR);
        }
        net.sf.geographiclib.PolygonArea disc = new net.sf.geographiclib.PolygonArea(Wgs84.GEODESIC, false);
        for (int k = 0; k < 3600; k++) {
            var q = Wgs84.GEODESIC.Direct(lat, lon, k / 10.0, r);
            disc.AddPoint(q.lat2, q.lon2);
        }
        double expected = Math.abs(disc.Compute(false, true).area);
        double perimeter = 2 * Math.PI * r;
        assertThat(io.borderline.geodesy.EllipsoidalMeasure.areaM2(g)).isCloseTo(expected,
            org.assertj.core.data.Offset.offset(perimeter * tol));
    }

    @Test
    void aCountryCoverageHoldingTheNorthPoleKeepsEveryOutlineVertexAtR() {
        // Norway with Svalbard (80.8 N, 1,027 km from the Pole) and Bouvet Island (54.4 S) at 1,200 km: a cap over
        // the Pole ending 170 km beyond it, and a disc in the South Atlantic
        var ne = TestData.get().dataset("ne10m"); // loads the country registry
        var nor = io.borderline.data.CountryCode.parse("NOR").orElseThrow();
        Source s = Sources.countries(ne, List.of(nor), GeodesicBuffer.toleranceM(1_200_000) / 10);
        Coverage c = engine.compute(s, 1_200_000);
        assertThat(c.geometry().isValid()).isTrue();
        assertThat(c.droppedVertices()).isZero();
        assertThat(c.maxOutlineErrorM()).isLessThanOrEqualTo(c.toleranceM());
        assertThat(c.geometry().getEnvelopeInternal().getMaxY()).isEqualTo(90);
        assertThat(c.geometry().getEnvelopeInternal().getMinY()).isLessThan(-54);
        SourceDistance exact = Sources.countries(ne, List.of(nor), 0).distance();
        for (Coordinate v : c.geometry().getCoordinates()) {
            if (Math.abs(v.y) == 90 || Math.abs(Math.abs(v.x) - 180) < 1e-9) {
                continue;
            }
            assertThat(Math.abs(exact.nearest(v.y, v.x).distanceM() - 1_200_000)).as("vertex %s", v)
                .isLessThanOrEqualTo(c.toleranceM());
        }
    }

    @Test
    void beyondModeRemovesTheSourceTerritoryOnly() {
        CoverageService service = new CoverageService(TestData.get(), BoundaryFile.FACTORY);
        CoverageResult full = service.coverage(new CoverageRequest("osm10m", "country", List.of("BLR"), 30, null, false));
        CoverageResult beyond = service.coverage(new CoverageRequest("osm10m", "country", List.of("BLR"), 30, null, true));
        double blrFull = area(full, "BLR");
        assertThat(blrFull).isCloseTo(TestData.get().dataset("osm10m").territory(io.borderline.data.CountryCode.BLR)
            .areaKm2(), org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(area(beyond, "BLR")).isLessThan(1);
        assertThat(area(beyond, "LTU")).isCloseTo(area(full, "LTU"), org.assertj.core.data.Offset.offset(1.0));
    }

    /**
     * Russia's mainland coast and islands give the first guess small holes that the true R-neighbourhood
     * does not have (everything in them is within R): they must vanish, not fail the request. A spread
     * sample of the outline vertices is measured to the full-resolution territory with the segment index
     * (itself held to the brute force by DistanceAccuracyTest, Russia included) and with the brute force.
     */
    @Test
    void russiaAtShortRangesIsComputedAndExact() {
        check(97, false, 15_000, 30_000);
    }

    /**
     * The product's promise, every outline vertex and every edge's midpoint, for Russia at 30 km. The midpoints
     * failed until edges that halving could not mend were traced along R ({@code GeodesicBuffer.Outline#trace}):
     * 50 of 46,185 edges strayed beyond the tolerance where the uncovered side runs into a channel narrower than
     * the edge, the worst 942.6 m at 68.45 N 50.00 E between Kolguyev Island and the mainland's coverage. Until the outline repair's crossing vertices
     * were moved back onto R ({@code GeodesicBuffer.Outline#settle}) Russia failed at 15 km: the repair put a vertex
     * at every crossing of two corrected rings, on their chords, 72.9 m inside R at 44.7553 N 35.2925 E off Crimea;
     * the sample of every 97th vertex above never met it.
     */
    @Test
    void russiaAt30KmEveryVertexAndEdgeIsWithinTolerance() {
        check(1, true, 30_000);
    }

    /**
     * Every vertex at 15 km. Failed after the merge with main's 566f399: vertices in Kandalaksha Bay (66.4499 N
     * 34.1820 E and beside it) 86 to 130 m inside R, re-created by every repair after {@code settle} moved them.
     * The cause was a ring running along the ridge of the distance in the middle of the bay (vertices within
     * tolerance of R there, but not on the outline) whose chords the repair noded; {@code settle} now keeps only
     * vertices where the outline really passes. {@link DistanceRidgeTest} holds the bay to the brute force.
     */
    @Test
    void russiaAt15KmEveryVertexIsWithinTolerance() {
        check(1, false, 15_000);
    }

    /**
     * A country's coverage holds all of its land. Russia at 5 km did not: its first guess buffered the Douglas–Peucker
     * simplification of each island unrepaired, and where a simplified ring crossed itself at a narrow neck (175 of
     * Russia's 9,314 parts at this range) the land behind the neck became a loop of the opposite orientation, which
     * the buffer took for a hole: 7 % of Bolshevik Island (Severnaya Zemlya, 78.26 N 103.55 E) and 234 vertices of
     * Russia's land in all lay outside the coverage. It also left 11 vertices of its first guess on the wrong side
     * ({@code dropped_vertices}), 5 of them only a turn of 360° away from the answer's window (off Chukotka), and
     * edges up to 658 m off R where a chord ran out to a pocket of open sea and back ({@code Outline#closeInlets}).
     */
    @Test
    void russiaAt5KmCoversAllOfItsLand() {
        var ds = TestData.get().dataset("osm10m");
        var land = ds.territory(io.borderline.data.CountryCode.RUS).land();
        Source s = Sources.countries(ds, List.of(io.borderline.data.CountryCode.RUS), GeodesicBuffer.toleranceM(5_000) / 10);
        Coverage c = engine.compute(s, 5_000);
        assertThat(c.geometry().isValid()).isTrue();
        assertLandCovered(land, c.geometry(), "5 km");
        assertThat(c.droppedVertices()).isZero();
        assertThat(c.maxOutlineErrorM()).isLessThanOrEqualTo(c.toleranceM());
    }

    /**
     * Parts and holes a turn away from the window round the source's centre are moved into it: a hole unprojected
     * from a vertex west of 180° would lie outside its shell in the plane, and the repair made such holes into parts
     * of the coverage (Russia at 5 km, off Chukotka).
     */
    @Test
    void partsAndHolesATurnAwayAreMovedIntoTheSourcesWindow() {
        var f = BoundaryFile.FACTORY;
        var shell = f.createLinearRing(new Coordinate[] {
            new Coordinate(170, 60), new Coordinate(190, 60), new Coordinate(190, 70), new Coordinate(170, 70),
            new Coordinate(170, 60)});
        var holeWest = f.createLinearRing(new Coordinate[] {
            new Coordinate(-176, 64), new Coordinate(-176, 66), new Coordinate(-174, 66), new Coordinate(-174, 64),
            new Coordinate(-176, 64)});
        var island = f.createPolygon(new Coordinate[] {
            new Coordinate(-173, 61), new Coordinate(-172, 61), new Coordinate(-172, 62), new Coordinate(-173, 61)});
        var mainland = f.createPolygon(shell, new org.locationtech.jts.geom.LinearRing[] {holeWest});
        assertThat(mainland.isValid()).isFalse(); // the hole lies a turn west of its shell
        var moved = GeodesicBuffer.intoWindow(List.of(mainland, island), 105.3 - 180, f);
        assertThat(moved.get(0).isValid()).isTrue();
        assertThat(moved.get(0).getInteriorRingN(0).getEnvelopeInternal().getMinX()).isEqualTo(184.0);
        assertThat(moved.get(1).getEnvelopeInternal().getMinX()).isEqualTo(187.0);
        assertThat(moved.get(0).getArea()).isEqualTo(200 - 4); // the hole is cut out of the shell, not beside it
    }

    private static void assertLandCovered(Geometry land, Geometry cover, String what) {
        var in = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(cover);
        int outside = 0;
        Coordinate first = null;
        for (Coordinate v : land.getCoordinates()) {
            if (in.locate(v) == org.locationtech.jts.geom.Location.EXTERIOR) {
                outside++;
                first = first == null ? v : first;
            }
        }
        assertThat(outside).as("land vertices outside the coverage at %s, the first %s", what, first).isZero();
    }

    /**
     * Every {@code step}th vertex within tolerance of R (exact distance to the full-resolution source; a sample of
     * them by brute force), and every {@code step}th edge's midpoint measured: within tolerance if
     * {@code edgesWithinTolerance}, and never worse than the engine's own {@code maxOutlineErrorM} says (its
     * measure uses the source simplified by a tenth of the tolerance, so it may differ by that much).
     */
    private void check(int step, boolean edgesWithinTolerance, double... rangesM) {
        var ds = TestData.get().dataset("osm10m");
        var land = ds.territory(io.borderline.data.CountryCode.RUS).land();
        io.borderline.geodesy.BruteForce bruteForce = new io.borderline.geodesy.BruteForce(land);
        for (double rangeM : rangesM) {
            Source s = Sources.countries(ds, List.of(io.borderline.data.CountryCode.RUS),
                GeodesicBuffer.toleranceM(rangeM) / 10);
            Coverage c = engine.compute(s, rangeM);
            assertThat(c.geometry().isValid()).isTrue();
            assertLandCovered(land, c.geometry(), rangeM / 1000 + " km");
            Source exact = Sources.countries(ds, List.of(io.borderline.data.CountryCode.RUS), 0);
            Coordinate[] vs = c.geometry().getCoordinates();
            for (int i = 0; i < vs.length; i += step) {
                if (onAntimeridian(vs[i])) {
                    continue; // a point of the antimeridian cut (Chukotka in the world data), not of the outline at R
                }
                double d = exact.distance().nearest(vs[i].y, vs[i].x).distanceM();
                assertThat(Math.abs(d - rangeM)).as("vertex %s at %.0f m", vs[i], rangeM)
                    .isLessThanOrEqualTo(c.toleranceM());
            }
            int edge = 0;
            for (int i = 0; i < c.geometry().getNumGeometries(); i++) {
                var polygon = (org.locationtech.jts.geom.Polygon) c.geometry().getGeometryN(i);
                for (int h = -1; h < polygon.getNumInteriorRing(); h++) {
                    Coordinate[] ring = (h < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(h)).getCoordinates();
                    for (int k = 0; k + 1 < ring.length; k++) {
                        if (edge++ % step != 0 || onAntimeridian(ring[k]) && onAntimeridian(ring[k + 1])) {
                            continue;
                        }
                        Coordinate mid = new Coordinate((ring[k].x + ring[k + 1].x) / 2, (ring[k].y + ring[k + 1].y) / 2);
                        double err = Math.abs(exact.distance().nearest(mid.y, mid.x).distanceM() - rangeM);
                        assertThat(err).as("midpoint %s at %.0f m: the engine reports at most %.1f m", mid, rangeM,
                            c.maxOutlineErrorM()).isLessThanOrEqualTo(c.maxOutlineErrorM() + c.toleranceM() / 10);
                        if (edgesWithinTolerance) {
                            assertThat(err).as("midpoint %s at %.0f m", mid, rangeM).isLessThanOrEqualTo(c.toleranceM());
                        }
                    }
                }
            }
            for (int i = 0; i < vs.length; i += Math.max(step, vs.length / 40)) {
                if (onAntimeridian(vs[i])) {
                    continue;
                }
                double d = bruteForce.distance(vs[i].y, vs[i].x);
                assertThat(Math.abs(d - rangeM)).as("vertex %s at %.0f m (brute force)", vs[i], rangeM)
                    .isLessThanOrEqualTo(c.toleranceM());
            }
        }
    }

    private static boolean onAntimeridian(Coordinate c) {
        return Math.abs(Math.abs(c.x) - 180) < 1e-9;
    }

    private static double area(CoverageResult r, String code) {
        return r.stats().countries().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow()
            .areaInRangeKm2();
    }
}

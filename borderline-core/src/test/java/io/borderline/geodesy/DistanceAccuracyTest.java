package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Territory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * Point-to-boundary distances agree with a brute-force GeographicLib minimisation over every segment of the
 * same data, for random points far away, in the region, near and on the boundary, and inside. The product
 * promises 1 m; what the method achieves is tighter, and this test holds it to that: the index measures
 * along edges interpolated linearly in longitude and latitude while the brute force takes every edge as a
 * geodesic. On an edge of length L at latitude φ the two paths are at most L² tan φ / (8 R) apart (the
 * geodesic bulges poleward of an east-west edge): 0.11 m at 54° N, 0.14 m at 60° N, 0.49 m at 81° N (Franz
 * Josef Land, where ne10m Russia measured 0.35 m) for the 2 km edges of the data. The bound per point is that
 * sagitta at the nearest point's latitude plus 0.1 m, so it still fails when the error grows by half in the
 * Baltic, long before it grows tenfold.
 */
class DistanceAccuracyTest {
    /** Margin over the edge-model difference, metres. */
    private static final double MARGIN_M = 0.1;

    /** Largest gap between a 2 km edge linear in longitude and latitude and its geodesic, at a latitude, m. */
    private static double sagittaM(double latDeg) {
        double l = GeodesicSegments.MAX_SEGMENT_M;
        return l * l * Math.tan(Math.toRadians(Math.min(Math.abs(latDeg), 89))) / (8 * 6_371_000.0);
    }

    @ParameterizedTest(name = "{0} {1}: {2} points")
    @CsvSource({"osm10m, BLR, 400", "osm10m, RUS-KGD, 300", "osm10m, EST, 300", "ne10m, BLR, 300", "ne10m, RUS, 120"})
    void territoryDistanceMatchesBruteForce(String datasetId, String code, int n) {
        Dataset ds = TestData.get().dataset(datasetId);
        Territory t = ds.territory(CountryCode.parse(code).orElseThrow());
        BruteForce reference = new BruteForce(t.land());
        assertWithinTolerance(t.boundary(), reference, samplePoints(t.land().getCoordinates(), n, 42));
    }

    @ParameterizedTest(name = "{0} borders of {1}: {2} points")
    @CsvSource({"osm10m, LTU, 400", "osm10m, EST, 300", "osm10m, RUS, 200", "ne10m, LVA, 300"})
    void borderDistanceMatchesBruteForce(String datasetId, String code, int n) {
        Dataset ds = TestData.get().dataset(datasetId);
        CountryCode c = CountryCode.parse(code).orElseThrow();
        List<org.locationtech.jts.geom.Geometry> lines = ds.borders().stream().filter(b -> b.bounds(c))
            .map(b -> b.line()).toList();
        org.locationtech.jts.geom.Geometry all = lines.get(0).getFactory().buildGeometry(lines);
        BruteForce reference = new BruteForce(all);
        assertWithinTolerance(ds.borderIndex(c), reference, samplePoints(all.getCoordinates(), n, 7));
    }

    private static void assertWithinTolerance(SegmentIndex index, BruteForce reference, List<double[]> points) {
        double worst = 0;
        for (double[] p : points) {
            NearestPoint n = index.nearest(p[0], p[1]);
            double expected = reference.distance(p[0], p[1]);
            double error = Math.abs(n.distanceM() - expected);
            worst = Math.max(worst, error);
            assertThat(error).as("point %.6f %.6f: index %.3f m, brute force %.3f m", p[0], p[1], n.distanceM(),
                expected).isLessThanOrEqualTo(MARGIN_M + sagittaM(n.lat()));
            // the reported nearest point really is at the reported distance
            double check = Wgs84.GEODESIC.Inverse(p[0], p[1], n.lat(), n.lon()).s12;
            assertThat(Math.abs(check - n.distanceM())).isLessThan(1e-6);
        }
        System.out.printf("max |index - brute force| over %d points: %.4f m%n", points.size(), worst);
    }

    /** An eighth anywhere on Earth; the rest split between the region, near a boundary vertex, and on a vertex or edge. */
    static List<double[]> samplePoints(Coordinate[] vertices, int n, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = i % 8 == 0 ? 0 : 1 + i % 3;
            switch (kind) {
                case 0 -> out.add(new double[] {-80 + 160 * r.nextDouble(), -180 + 360 * r.nextDouble()});
                case 1 -> out.add(new double[] {45 + 20 * r.nextDouble(), 15 + 30 * r.nextDouble()});
                case 2 -> {
                    Coordinate v = vertices[r.nextInt(vertices.length)];
                    double d = 2000 * r.nextDouble();
                    var g = Wgs84.GEODESIC.Direct(v.y, v.x, 360 * r.nextDouble(), d);
                    out.add(new double[] {g.lat2, g.lon2});
                }
                default -> {
                    int k = r.nextInt(vertices.length - 1);
                    double t = r.nextBoolean() ? 0 : r.nextDouble();
                    Coordinate a = vertices[k];
                    Coordinate b = vertices[k + 1];
                    if (a.distance(b) > 0.05) { // vertices of different rings: take the vertex itself
                        t = 0;
                    }
                    out.add(new double[] {a.y + t * (b.y - a.y), a.x + t * (b.x - a.x)});
                }
            }
        }
        return out;
    }
}

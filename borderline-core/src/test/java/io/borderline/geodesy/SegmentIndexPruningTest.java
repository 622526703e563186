package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index's pruning never changes its answer: on random wiggly rings anywhere on Earth (the antimeridian
 * included, up to 75° of latitude, edges of at most 2 km as the data build leaves them) and query points from
 * metres to thousands of kilometres away, {@link SegmentIndex#nearest} returns exactly the minimum of the same
 * per-segment measurement over every segment, an exhaustive scan that shares no pruning with it. So whatever
 * the index skips (boxes, chords, candidates beaten by an exact distance, shared vertices) could not have been
 * nearer. {@link DistanceAccuracyTest} separately measures the edge model against geodesic edges. Seeded, so a
 * failure names its ring and point and replays.
 */
class SegmentIndexPruningTest {
    private static final int RINGS = 300;
    private static final int POINTS_PER_RING = 20;

    @Test
    void nearestIsTheExhaustiveMinimum() {
        Random cases = new Random(20250124);
        int checked = 0;
        for (int c = 0; c < RINGS; c++) {
            double lat = -75 + 150 * cases.nextDouble();
            double lon = -180 + 360 * cases.nextDouble();
            int vertices = 3 + cases.nextInt(398);
            double radiusKm = 0.3 + 59.7 * cases.nextDouble();
            checked += checkRing(lat, lon, vertices, radiusKm, cases.nextLong());
        }
        assertThat(checked).isEqualTo(RINGS * POINTS_PER_RING);
    }

    private static int checkRing(double lat, double lon, int vertices, double radiusKm, long shape) {
        List<double[]> ring = ring(lat, lon, vertices, radiusKm * 1000, shape);
        SegmentIndex.Builder b = new SegmentIndex.Builder();
        for (int i = 0; i < ring.size(); i++) {
            double[] p = ring.get(i);
            double[] q = ring.get((i + 1) % ring.size());
            b.add(p[0], p[1], q[0], q[1], i);
        }
        SegmentIndex index = b.build();
        Random r = new Random(shape);
        for (int k = 0; k < POINTS_PER_RING; k++) {
            // from on the ring to far away: log-uniform 1 m to 5,000 km from a ring vertex
            double[] v = ring.get(r.nextInt(ring.size()));
            var g = Wgs84.GEODESIC.Direct(v[0], v[1], 360 * r.nextDouble(), Math.pow(10, 6.7 * r.nextDouble()));
            NearestPoint n = index.nearest(g.lat2, g.lon2);
            double exhaustive = Double.POSITIVE_INFINITY;
            for (int i = 0; i < ring.size(); i++) {
                double[] p = ring.get(i);
                double[] q = ring.get((i + 1) % ring.size());
                exhaustive = Math.min(exhaustive, GeodesicSegments.measure(g.lat2, g.lon2, p[0], p[1], q[0], q[1],
                    chordFraction(g.lat2, g.lon2, p, q), i).distanceM());
            }
            assertThat(n.distanceM()).as("ring around %.5f %.5f (%d vertices, %.1f km, shape %d), from %.7f %.7f",
                lat, lon, vertices, radiusKm, shape, g.lat2, g.lon2).isEqualTo(exhaustive);
        }
        return POINTS_PER_RING;
    }

    /** A star-shaped ring of {@code n} vertices around (lat, lon), radii varying by up to 60 %, edges at most 2 km. */
    private static List<double[]> ring(double lat, double lon, int n, double radiusM, long seed) {
        Random r = new Random(seed);
        List<double[]> coarse = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double azimuth = 360.0 * i / n;
            var g = Wgs84.GEODESIC.Direct(lat, lon, azimuth, radiusM * (0.4 + 0.6 * r.nextDouble()));
            coarse.add(new double[] {g.lat2, g.lon2});
        }
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) { // densify to edges of at most 2 km, as the data build does
            double[] p = coarse.get(i);
            double[] q = coarse.get((i + 1) % n);
            var inv = Wgs84.GEODESIC.Inverse(p[0], p[1], q[0], q[1]);
            int parts = (int) Math.ceil(inv.s12 / GeodesicSegments.MAX_SEGMENT_M);
            for (int k = 0; k < Math.max(1, parts); k++) {
                var d = Wgs84.GEODESIC.Direct(p[0], p[1], inv.azi1, inv.s12 * k / Math.max(1, parts));
                ring.add(new double[] {d.lat2, d.lon2});
            }
        }
        return ring;
    }

    /** The fraction of the chord PQ (ECEF) nearest to the query point, as the index locates the foot. */
    private static double chordFraction(double lat, double lon, double[] p, double[] q) {
        double[] e = new double[9];
        Wgs84.toEcef(lat, lon, e, 0);
        Wgs84.toEcef(p[0], p[1], e, 3);
        Wgs84.toEcef(q[0], q[1], e, 6);
        double dx = e[6] - e[3], dy = e[7] - e[4], dz = e[8] - e[5];
        double len2 = dx * dx + dy * dy + dz * dz;
        if (len2 == 0) {
            return 0;
        }
        double t = ((e[0] - e[3]) * dx + (e[1] - e[4]) * dy + (e[2] - e[5]) * dz) / len2;
        return t < 0 ? 0 : (t > 1 ? 1 : t);
    }
}

package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/**
 * The pruning bounds of {@link SegmentIndex}: the chord between two points of the ellipsoid never
 * exceeds {@link Wgs84#maxChordM} of their geodesic distance, and the geodesic distance never exceeds
 * {@link Wgs84#maxGeodesicM} of their chord, for pairs anywhere (poles and equator, every direction, 1 m
 * to 19,000 km); both bounds are tight (within a few metres at 500 km), so they prune far more than the
 * chord alone.
 */
class MaxChordTest {

    @Test
    void chordNeverExceedsTheBound() {
        Random r = new Random(20250124);
        double tightest = Double.POSITIVE_INFINITY;
        double tightestArc = Double.POSITIVE_INFINITY;
        double[] a = new double[3];
        double[] b = new double[3];
        for (int i = 0; i < 1_000_000; i++) {
            double lat = switch (i % 4) {
                case 0 -> 90 - 5 * r.nextDouble(); // near the north pole, where the ellipsoid is flattest
                case 1 -> -90 + 5 * r.nextDouble();
                default -> Math.toDegrees(Math.asin(2 * r.nextDouble() - 1)); // uniform on the sphere
            };
            double lon = 360 * r.nextDouble() - 180;
            double azi = 360 * r.nextDouble() - 180;
            double s = switch (i % 3) {
                case 0 -> 3_000_000 * r.nextDouble();
                case 1 -> Math.pow(10, 7.3 * r.nextDouble()); // 1 m to 20,000 km, log-uniform
                default -> 19_000_000 * r.nextDouble();
            };
            GeodesicData g = Wgs84.GEODESIC.Direct(lat, lon, azi, s);
            // the geodesic from Direct is the shortest path only up to the conjugate point: measure it back
            double shortest = Wgs84.GEODESIC.Inverse(lat, lon, g.lat2, g.lon2).s12;
            Wgs84.toEcef(lat, lon, a, 0);
            Wgs84.toEcef(g.lat2, g.lon2, b, 0);
            double chord = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
            double bound = Wgs84.maxChordM(shortest);
            assertThat(chord).as("from %.6f %.6f azimuth %.3f, %.1f m", lat, lon, azi, shortest)
                .isLessThanOrEqualTo(bound + 1e-9 * shortest + 1e-6);
            assertThat(shortest).as("from %.6f %.6f azimuth %.3f, chord %.1f m", lat, lon, azi, chord)
                .isLessThanOrEqualTo(Wgs84.maxGeodesicM(chord) + 1e-9 * shortest + 1e-6);
            if (shortest > 100_000) {
                tightest = Math.min(tightest, (bound - chord) / shortest);
                tightestArc = Math.min(tightestArc, (Wgs84.maxGeodesicM(chord) - shortest) / shortest);
            }
        }
        System.out.printf("smallest (bound - chord) / distance beyond 100 km: %.3g; (arc bound - geodesic) /"
            + " distance: %.3g%n", tightest, tightestArc);
    }

    @Test
    void theCubicPruningChordIsNeverBelowTheComposedBounds() {
        Random r = new Random(7);
        for (int i = 0; i < 1_000_000; i++) {
            double c = i % 2 == 0 ? 5_000_000 * r.nextDouble() : Math.pow(10, 7 * r.nextDouble());
            double composed = Wgs84.maxChordM(Wgs84.maxGeodesicM(c));
            assertThat(Wgs84.chordBeyondM(c)).as("chord %.3f m", c).isGreaterThanOrEqualTo(composed);
            if (c <= 4_000_000 && c > 1_000) {
                assertThat(Wgs84.chordBeyondM(c) - c).as("chord %.3f m", c).isLessThanOrEqualTo(1.05 * (composed - c) + 1e-6);
            }
        }
    }

    @Test
    void muchTighterThanTheChordAlone() {
        // along a meridian at 55°N, 500 km: the chord is about 128 m shorter than the geodesic
        GeodesicData g = Wgs84.GEODESIC.Direct(52.5, 27, 0, 500_000);
        double[] a = new double[3];
        double[] b = new double[3];
        Wgs84.toEcef(52.5, 27, a, 0);
        Wgs84.toEcef(g.lat2, g.lon2, b, 0);
        double chord = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
        assertThat(500_000 - chord).isGreaterThan(100);
        assertThat(Wgs84.maxChordM(500_000) - chord).isBetween(0.0, 10.0);
        assertThat(Wgs84.maxGeodesicM(chord) - 500_000).isBetween(0.0, 10.0);
    }

    private static double sq(double v) {
        return v * v;
    }
}

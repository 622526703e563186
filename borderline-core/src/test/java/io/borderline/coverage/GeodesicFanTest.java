package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.data.BoundaryFile;
import io.borderline.geodesy.LatLon;
import java.util.List;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Range fans against GeographicLib: every outline vertex lies at R (or the minimum range) ± tolerance from the apex,
 * or on one of the two bounding radials (the geodesic from the apex at the sector's first or last azimuth) between
 * them; edge midpoints stay within tolerance of their curve; points of known azimuth and distance are inside exactly
 * when the sector and the ranges say so.
 */
class GeodesicFanTest {
    private static final Geodesic WGS84 = Geodesic.WGS84; // the reference, independent of the engine's wrapper
    private final GeodesicFan engine = new GeodesicFan(BoundaryFile.FACTORY);

    private static Source point(double lat, double lon) {
        return Sources.points("point", List.of(lat + "," + lon), List.of(new LatLon(lat, lon)), BoundaryFile.FACTORY,
            List.of(), List.of());
    }

    @ParameterizedTest(name = "apex {0},{1} R {2} km sector {3}-{4} min {5} km")
    @CsvSource({
        "53.9, 27.5667, 30, 45, 135, 0",        // Minsk, a 90° fan to the east
        "54.4917, 26.9167, 500, 350, 10, 100",  // Vileika, across north, annular
        "53.9, 27.5667, 2500, 200, 340, 1000",  // wide, long, annular
        "65.0, 178.0, 800, 30, 150, 0",          // area across the antimeridian
        "60.0, -179.5, 300, 0, 360, 100",        // a donut across the antimeridian
        "54.6892, 25.2798, 1, 270, 90, 0",       // 1 km, the far side of the circle across north
        "-33.9, 151.2, 1200, 100, 260, 50",      // southern hemisphere
        "80.0, 20.0, 1500, 330, 30, 0",          // over the North Pole (1,113 km away, azimuth 0): a cap's wedge
        "-80.0, 20.0, 1500, 150, 210, 100",      // over the South Pole, annular
        "85.0, 100.0, 1500, 0, 360, 300",        // a donut holding the North Pole (556 km away)
        "88.0, 0.0, 1200, 0, 360, 500"})         // a donut whose hole holds the North Pole (222 km away)
    void everyVertexIsOnTheArcsOrTheRadials(double lat, double lon, double rKm, double from, double to, double minKm) {
        double r = rKm * 1000;
        double minR = minKm * 1000;
        Sector sector = new Sector(from, to, minR);
        Coverage c = engine.compute(point(lat, lon), r, sector);
        Geometry g = c.geometry();
        assertThat(g.isValid()).isTrue();
        double tol = GeodesicBuffer.toleranceM(r);
        double innerTol = minR > 0 ? GeodesicBuffer.toleranceM(minR) : tol;
        int outer = 0;
        int inner = 0;
        int radial = 0;
        for (Coordinate v : g.getBoundary().getCoordinates()) {
            if (Math.abs(Math.abs(v.x) - 180) < 1e-9 || Math.abs(v.y) == 90) {
                continue; // a vertex the antimeridian cut added, or of the closure through a pole: not the outline
            }
            GeodesicData d = WGS84.Inverse(lat, lon, v.y, v.x);
            if (d.s12 < 1e-3) {
                assertThat(minR).as("the apex is on the outline only without a minimum range").isZero();
                continue;
            }
            boolean onOuter = Math.abs(d.s12 - r) <= tol;
            boolean onInner = minR > 0 && Math.abs(d.s12 - minR) <= innerTol;
            boolean onRadial = !sector.fullCircle() && d.s12 >= minR - tol && d.s12 <= r + tol
                && (crossTrackM(d, from) <= tol || crossTrackM(d, to) <= tol);
            assertThat(onOuter || onInner || onRadial)
                .as("vertex %s at %.1f m, azimuth %.4f", v, d.s12, d.azi1).isTrue();
            outer += onOuter ? 1 : 0;
            inner += onInner ? 1 : 0;
            radial += onRadial && !onOuter && !onInner ? 1 : 0;
        }
        assertThat(outer).isGreaterThan(8);
        assertThat(inner > 0).isEqualTo(minR > 0);
        if (!sector.fullCircle() && r - minR > 100_000) {
            assertThat(radial).as("long radials are sampled along their geodesic").isGreaterThanOrEqualTo(2);
        }
        checkContainment(g, lat, lon, sector, r, minR, tol);
    }

    /** Distance of a point from the geodesic leaving the apex at {@code azimuth}, at its own distance s, metres. */
    private static double crossTrackM(GeodesicData d, double azimuth) {
        GeodesicData onRadial = WGS84.Direct(d.lat1, d.lon1, azimuth, d.s12);
        return WGS84.Inverse(d.lat2, d.lon2, onRadial.lat2, onRadial.lon2).s12;
    }

    /** Points on radials along the sector's edges and points of random azimuth and distance, by their true place. */
    private static void checkContainment(Geometry g, double lat, double lon, Sector sector, double r, double minR,
                                         double tol) {
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(g);
        Random rnd = new Random(11);
        int inside = 0;
        for (int i = 0; i < 600; i++) {
            double azi = rnd.nextDouble() * 360;
            double s = rnd.nextDouble() * r * 1.2;
            double margin = Math.max(2 * tol, 2e-4 * s); // keep clear of the outline's tolerance band
            double angularMarginM = s * Math.toRadians(off(azi, sector));
            boolean inSector = sector.contains(azi);
            if (Math.abs(s - r) < margin || Math.abs(s - minR) < margin
                || (!sector.fullCircle() && Math.abs(angularMarginM) < margin)) {
                continue;
            }
            GeodesicData p = WGS84.Direct(lat, lon, azi, s);
            boolean expected = inSector && s < r && s > minR;
            boolean actual = loc.locate(new Coordinate(p.lon2, p.lat2)) != Location.EXTERIOR;
            assertThat(actual).as("azimuth %.3f, %.0f m", azi, s).isEqualTo(expected);
            inside += expected ? 1 : 0;
        }
        assertThat(inside).isGreaterThan(10);
    }

    /** Signed-free angular distance, degrees, from an azimuth to the nearer edge of the sector. */
    private static double off(double azi, Sector sector) {
        double a = Math.abs(((azi - sector.azimuthFromDeg()) % 360 + 540) % 360 - 180);
        double b = Math.abs(((azi - sector.azimuthToDeg()) % 360 + 540) % 360 - 180);
        return Math.min(a, b);
    }

    @Test
    void radialsArePointsOfTheGeodesicAtTheGivenAzimuth() {
        double lat = 54.4917;
        double lon = 26.9167;
        double r = 1_500_000;
        Sector sector = new Sector(250, 290, 0);
        Geometry g = engine.compute(point(lat, lon), r, sector).geometry();
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(g);
        double tol = GeodesicBuffer.toleranceM(r);
        for (double s = 50_000; s < r; s += 50_000) {
            for (double azi : new double[] {250, 290}) {
                GeodesicData on = WGS84.Direct(lat, lon, azi, s);
                Coordinate p = new Coordinate(on.lon2, on.lat2);
                // the true radial point is within tolerance of the outline: just inside the sector is inside,
                // and a point tol beyond it, across the radial, is outside
                double inward = azi == 250 ? 1 : -1;
                double dAzi = Math.toDegrees(2 * tol / s);
                GeodesicData in = WGS84.Direct(lat, lon, azi + inward * dAzi, s);
                GeodesicData out = WGS84.Direct(lat, lon, azi - inward * dAzi, s);
                assertThat(loc.locate(new Coordinate(in.lon2, in.lat2))).as("inside at %s m", s)
                    .isNotEqualTo(Location.EXTERIOR);
                assertThat(loc.locate(new Coordinate(out.lon2, out.lat2))).as("outside at %s m", s)
                    .isEqualTo(Location.EXTERIOR);
                assertThat(g.getBoundary().distance(BoundaryFile.FACTORY.createPoint(p))).isLessThan(1e-3);
            }
        }
    }

    /** A fan holding a pole is a cap's part (above); one whose outline would pass through the pole cannot say which side. */
    @Test
    void aFanWhoseOutlinePassesThroughAPoleIsRefused() {
        assertThatThrownBy(() -> engine.compute(point(80, 20), 1_500_000, new Sector(0, 40, 0)))
            .isInstanceOf(CoverageLimitException.class).hasMessageContaining("North Pole");
        double toPole = WGS84.Inverse(-80, 20, -90, 0).s12;
        assertThatThrownBy(() -> engine.compute(point(-80, 20), toPole, new Sector(150, 210, 0)))
            .isInstanceOf(CoverageLimitException.class).hasMessageContaining("South Pole");
        assertThat(engine.compute(point(80, 20), 1_500_000, new Sector(150, 210, 0)).geometry().isValid()).isTrue();
        // the same range pointing away from the pole: its arc passes nowhere near it
        assertThat(engine.compute(point(-80, 20), toPole, new Sector(330, 30, 0)).geometry().isValid()).isTrue();
    }

    @Test
    void sectorArithmeticAcrossNorth() {
        Sector s = new Sector(350, 10, 0);
        assertThat(s.widthDeg()).isEqualTo(20);
        assertThat(s.contains(0)).isTrue();
        assertThat(s.contains(355)).isTrue();
        assertThat(s.contains(20)).isFalse();
        assertThat(new Sector(0, 360, 5).fullCircle()).isTrue();
        assertThatThrownBy(() -> new Sector(40, 40, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sector(-1, 40, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.Border;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Territory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/**
 * The 1 m quality bar on the whole world: distances to a territory and to its border (both
 * lines) agree within 1 m with the brute-force minimisation over every segment of the same data
 * ({@link BruteForce}, which shares no code with the index), at the places that break naive
 * code: across the antimeridian (Chukotka, Fiji), near both poles, on small islands, inside
 * enclaves and exclaves (Kaliningrad, Nakhchivan, Büsingen, Baarle), plus random points anywhere.
 * Each case stops after a time budget rather than a fixed count, so the run stays bounded on a
 * slow machine; it always checks at least its named points.
 */
class WorldAccuracyTest {
    private static final double TOLERANCE_M = 1.0;
    /** Time budget of the random points of one case, ms. */
    private static final long RANDOM_BUDGET_MS = 8_000;

    @ParameterizedTest(name = "to {0} from {1},{2}")
    @CsvSource({
        // antimeridian: Chukotka (both sides), Alaska, Fiji (both sides)
        "RUS, 66.0, -172.0", "RUS, 65.5, 178.5", "USA, 65.8, -168.9", "FJI, -16.6, 179.9", "FJI, -17.2, -179.8",
        // near the poles
        "ATA, -89.5, 10.0", "ATA, -85.0, 100.0", "NOR, 89.0, 30.0", "CAN, 88.0, -70.0", "GRL, 83.5, -35.0",
        // islands
        "ISL, 64.1, -21.9", "NZL, -41.3, 174.8", "MLT, 35.9, 14.5",
        // enclaves and exclaves: Kaliningrad, Nakhchivan, Büsingen, Baarle
        "RUS-KGD, 54.71, 20.51", "AZE, 39.21, 45.41", "DEU, 47.697, 8.69", "CHE, 47.697, 8.69",
        "BEL, 51.4397, 4.9303", "NLD, 51.4397, 4.9303",
        // Helsinki, and the region of the cited claims
        "FIN, 60.1699, 24.9384", "RUS, 60.1699, 24.9384", "EST, 59.3772, 28.1903", "BLR, 54.6872, 25.2797"})
    void namedPointsMatchBruteForce(String code, double lat, double lon) {
        CountryCode c = CountryCode.parse(code).orElseThrow();
        int checked = 0;
        for (Dataset ds : TestData.get().datasets().values()) {
            if (ds.has(c)) {
                checkAround(ds, c, lat, lon);
                checked++;
            }
        }
        assertThat(checked).as("datasets that draw " + code).isPositive();
    }

    private static void checkAround(Dataset ds, CountryCode c, double lat, double lon) {
        String code = ds.id() + " " + c.code();
        Territory t = ds.territory(c);
        List<double[]> points = new ArrayList<>(List.of(new double[] {lat, lon}));
        Random r = new Random(Double.doubleToLongBits(lat) ^ Double.doubleToLongBits(lon));
        for (int i = 0; i < 6; i++) { // points within ~50 km around it
            var g = Wgs84.GEODESIC.Direct(lat, lon, 360 * r.nextDouble(), 50_000 * r.nextDouble());
            points.add(new double[] {g.lat2, g.lon2});
        }
        BruteForce territory = new BruteForce(t.land());
        for (double[] p : points) {
            check(t.boundary().nearest(p[0], p[1]), territory.distance(p[0], p[1]), p, code + " territory");
        }
        for (BorderLine line : BorderLine.values()) {
            Geometry lines = borderLines(ds, c, line);
            if (lines == null) {
                continue;
            }
            BruteForce border = new BruteForce(lines);
            for (double[] p : points) {
                check(ds.borderIndex(c, line).nearest(p[0], p[1]), border.distance(p[0], p[1]), p,
                    code + " " + line.id() + " border");
            }
        }
    }

    @ParameterizedTest(name = "{0}: random points anywhere, to {1}")
    @CsvSource({"osm10m, RUS", "osm10m, EST", "ne10m, RUS", "ne10m, FIN", "ne10m, CHL", "ne10m, IDN", "ne10m, USA",
        "ne10m, FJI"})
    void randomPointsOverTheEarthMatchBruteForce(String datasetId, String code) {
        Dataset ds = TestData.get().dataset(datasetId);
        CountryCode c = CountryCode.parse(code).orElseThrow();
        Territory t = ds.territory(c);
        BruteForce territory = new BruteForce(t.land());
        Geometry lines = borderLines(ds, c, BorderLine.LAND);
        BruteForce border = lines == null ? null : new BruteForce(lines);
        Random r = new Random(code.hashCode());
        long end = System.currentTimeMillis() + RANDOM_BUDGET_MS;
        int n = 0;
        while (n < 5 || System.currentTimeMillis() < end) {
            // uniform on the sphere, so the poles get their share
            double lat = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
            double lon = -180 + 360 * r.nextDouble();
            double[] p = {lat, lon};
            check(t.boundary().nearest(lat, lon), territory.distance(lat, lon), p, code + " territory");
            if (border != null) {
                check(ds.borderIndex(c, BorderLine.LAND).nearest(lat, lon), border.distance(lat, lon), p, code + " land border");
            }
            n++;
        }
        System.out.printf("%s %s: %d random points within %.1f m%n", datasetId, code, n, TOLERANCE_M);
    }

    /** The border lines of {@code c} as {@code line} defines them, or null if it has no neighbour. */
    static Geometry borderLines(Dataset ds, CountryCode c, BorderLine line) {
        List<Geometry> parts = new ArrayList<>();
        for (Border b : ds.borders()) {
            if (!b.bounds(c)) {
                continue;
            }
            if (!b.split()) {
                parts.add(b.line());
                continue;
            }
            for (Geometry g : new Geometry[] {b.landPart(), b.waterPart(), line == BorderLine.POLITICAL ? b.seaPart() : null}) {
                if (g != null) {
                    parts.add(g);
                }
            }
        }
        return parts.isEmpty() ? null : parts.get(0).getFactory().buildGeometry(parts);
    }

    private static void check(NearestPoint n, double expected, double[] p, String what) {
        assertThat(Math.abs(n.distanceM() - expected)).as("%s from %.5f %.5f: index %.3f m, brute force %.3f m",
            what, p[0], p[1], n.distanceM(), expected).isLessThanOrEqualTo(TOLERANCE_M);
        double check = Wgs84.GEODESIC.Inverse(p[0], p[1], n.lat(), n.lon()).s12;
        assertThat(Math.abs(check - n.distanceM())).isLessThan(1e-6);
    }
}

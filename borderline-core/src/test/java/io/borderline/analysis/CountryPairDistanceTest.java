package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import io.borderline.geodesy.Wgs84;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Country-to-country distances (the Suwałki gap) against a brute force that shares no code with the engine:
 * the minimum between two boundaries is attained at a vertex of one of them, so the reference measures
 * vertices of each territory to every segment of the other with {@link BruteForce} (GeographicLib along each
 * segment as a geodesic). Only vertices that can matter are measured: those with a vertex of the other
 * territory within the service's answer plus 4 km (found with a JTS STRtree over degree boxes that contain
 * that geodesic radius). A service answer that is too large leaves more candidates and the reference finds
 * the smaller minimum; one that is too small leaves none at the true minimum and the reference comes out
 * larger: either way the comparison fails.
 */
class CountryPairDistanceTest {
    /** Same bound as the point-to-boundary distances (DistanceAccuracyTest), metres. */
    private static final double TOLERANCE_M = 0.25;
    private static final double MARGIN_M = 4_000; // twice the longest edge

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({"osm10m, BLR, RUS-KGD", "ne10m, BLR, RUS-KGD", "osm10m, LVA, RUS-KGD", "ne10m, EST, BLR"})
    void distanceBetweenTwoCountriesMatchesBruteForce(String datasetId, String a, String b) {
        Dataset ds = TestData.get().dataset(datasetId);
        Geometry landA = ds.territory(CountryCode.parse(a).orElseThrow()).land();
        Geometry landB = ds.territory(CountryCode.parse(b).orElseThrow()).land();
        PairDistance service = new DistanceService().between(ds, CountryCode.parse(a).orElseThrow(),
            CountryCode.parse(b).orElseThrow());
        assertThat(service.distanceM()).isPositive();
        double radius = service.distanceM() + MARGIN_M;
        double[] ab = nearestVertexToBoundary(landA, landB, radius);
        double[] ba = nearestVertexToBoundary(landB, landA, radius);
        double reference = Math.min(ab[0], ba[0]);
        System.out.printf("%s %s-%s: service %.3f m, brute force %.3f m (%d + %d candidate vertices)%n", datasetId,
            a, b, service.distanceM(), reference, (int) ab[1], (int) ba[1]);
        assertThat(Math.abs(service.distanceM() - reference)).as("service %.3f m, brute force %.3f m",
            service.distanceM(), reference).isLessThanOrEqualTo(TOLERANCE_M);
        // the two points reported are where the distance is attained
        double between = Wgs84.GEODESIC.Inverse(service.pointA().lat(), service.pointA().lon(), service.pointB().lat(),
            service.pointB().lon()).s12;
        assertThat(Math.abs(between - service.distanceM())).isLessThan(0.05);
    }

    /** {minimum distance from a vertex of {@code from} to the boundary of {@code to}, candidates measured}. */
    private static double[] nearestVertexToBoundary(Geometry from, Geometry to, double radiusM) {
        STRtree targets = new STRtree();
        for (Coordinate c : to.getCoordinates()) {
            targets.insert(new Envelope(c), c);
        }
        BruteForce reference = new BruteForce(to);
        double best = Double.POSITIVE_INFINITY;
        int candidates = 0;
        for (Coordinate v : from.getCoordinates()) {
            // a degree box holding every point within radiusM of v (110.5 km per degree of latitude at least)
            double dLat = radiusM / 110_500;
            double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(v.y) + dLat)));
            double dLon = Math.min(180, radiusM / (111_300 * cos));
            boolean near = false;
            for (Object o : targets.query(new Envelope(v.x - dLon, v.x + dLon, v.y - dLat, v.y + dLat))) {
                Coordinate t = (Coordinate) o;
                if (Wgs84.GEODESIC.Inverse(v.y, v.x, t.y, t.x).s12 <= radiusM) {
                    near = true;
                    break;
                }
            }
            if (near) {
                candidates++;
                best = Math.min(best, reference.distance(v.y, v.x));
            }
        }
        return new double[] {best, candidates};
    }
}

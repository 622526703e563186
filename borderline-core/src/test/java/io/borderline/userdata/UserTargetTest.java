package io.borderline.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.BruteForce;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.projection.OutputCrs;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * User targets against the independent brute force ({@link BruteForce}: every edge as a GeographicLib geodesic,
 * golden-section minimum; no code shared with the segment index): lines with long edges, a line across the
 * antimeridian, an area with a hole; plus repair, validation, hashing and the declared CRS.
 */
class UserTargetTest {
    private static final GeometryFactory F = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();

    // A line drawn for the tests in eastern Ukraine: edges of 20 to 90 km, far beyond the 2 km the index needs.
    static final String LINE = """
        {"type":"LineString","coordinates":[[37.55,50.40],[37.75,49.95],[37.95,49.40],[37.80,48.90],[37.95,48.45],
         [37.40,47.95],[36.50,47.75],[35.80,47.60],[35.00,47.35],[34.20,47.10],[33.40,46.75]]}""";
    static final String ANTIMERIDIAN = """
        {"type":"LineString","coordinates":[[170.0,65.0],[175.5,65.8],[179.6,66.1],[-177.0,66.4],[-171.5,65.9]]}""";
    static final String AREA_WITH_HOLE = """
        {"type":"Feature","id":"zone","properties":{"name":"test"},"geometry":{"type":"Polygon","coordinates":[
         [[30.0,50.0],[32.0,50.0],[32.0,51.5],[30.0,51.5],[30.0,50.0]],
         [[30.6,50.5],[31.4,50.5],[31.4,51.0],[30.6,51.0],[30.6,50.5]]]}}""";

    private static List<UserFeature> read(String json) throws Exception {
        return GeoJsonTargets.read(JSON.readTree(json), null, UserLimits.REQUEST, F);
    }

    private static UserTarget target(String json) throws Exception {
        List<UserFeature> fs = read(json);
        return UserTarget.build(fs, UserTarget.hash(fs), UserLimits.REQUEST, F);
    }

    private static Geometry geometry(String json) throws Exception {
        return read(json).get(0).geometry();
    }

    @Test
    void distancesToALineWithLongEdgesAgreeWithTheBruteForceWithin1m() throws Exception {
        UserTarget t = target(LINE);
        BruteForce reference = new BruteForce(geometry(LINE));
        Random r = new Random(20250124);
        for (int i = 0; i < 300; i++) {
            double lat = 46 + 5 * r.nextDouble();
            double lon = 32 + 8 * r.nextDouble();
            UserDistance d = t.measure(lat, lon);
            assertThat(d.inside()).isFalse();
            assertThat(d.distanceM()).as("%s, %s", lat, lon).isCloseTo(reference.distance(lat, lon),
                org.assertj.core.data.Offset.offset(1.0));
            assertThat(d.nearestFeature()).isEqualTo("0");
        }
    }

    @Test
    void aLineAcrossTheAntimeridianIsMeasuredAlongItsGeodesics() throws Exception {
        UserTarget t = target(ANTIMERIDIAN);
        BruteForce reference = new BruteForce(geometry(ANTIMERIDIAN));
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            double lat = 62 + 7 * r.nextDouble();
            double lon = 168 + 26 * r.nextDouble();
            lon = lon > 180 ? lon - 360 : lon;
            assertThat(t.measure(lat, lon).distanceM()).as("%s, %s", lat, lon)
                .isCloseTo(reference.distance(lat, lon), org.assertj.core.data.Offset.offset(1.0));
        }
        // right on the antimeridian, near the edge that crosses it: a few km, not half the world
        assertThat(t.measure(66.3, 180).distanceM()).isLessThan(20_000);
    }

    @Test
    void anAreaWithAHoleCountsTheHoleAsOutside() throws Exception {
        UserTarget t = target(AREA_WITH_HOLE);
        Geometry area = geometry(AREA_WITH_HOLE);
        BruteForce edges = new BruteForce(area);
        Random r = new Random(11);
        int inside = 0;
        int inHole = 0;
        for (int i = 0; i < 400; i++) {
            double lat = 49.5 + 2.5 * r.nextDouble();
            double lon = 29.5 + 3 * r.nextDouble();
            double edge = edges.distance(lat, lon);
            UserDistance d = t.measure(lat, lon);
            assertThat(d.edge().distanceM()).isCloseTo(edge, org.assertj.core.data.Offset.offset(1.0));
            if (edge < 2_000) {
                continue; // the planar reference below and the geodesic edges differ by metres near an edge
            }
            boolean planarInside = area.contains(F.createPoint(new Coordinate(lon, lat)));
            assertThat(d.inside()).as("%s, %s", lat, lon).isEqualTo(planarInside);
            if (planarInside) {
                inside++;
                assertThat(d.distanceM()).isZero();
                assertThat(d.nearestPoint()).isNull();
            } else {
                assertThat(d.distanceM()).isCloseTo(edge, org.assertj.core.data.Offset.offset(1.0));
                if (lat > 50.5 && lat < 51 && lon > 30.6 && lon < 31.4) {
                    inHole++;
                }
            }
        }
        assertThat(inside).isGreaterThan(50);
        assertThat(inHole).isGreaterThan(5);
        assertThat(t.measure(50.75, 31.0).nearestFeature()).isEqualTo("zone");
    }

    @Test
    void aSelfIntersectingRingIsRepairedAndTheAreaChangeReported() throws Exception {
        String bowtie = """
            {"type":"FeatureCollection","features":[{"type":"Feature","id":"bow","properties":{},"geometry":
             {"type":"Polygon","coordinates":[[[30,50],[31,51],[31,50],[30,51],[30,50]]]}}]}""";
        UserTarget t = target(bowtie);
        assertThat(t.repair().repairedFeatures()).hasSize(1);
        RepairReport.FeatureRepair fr = t.repair().repairedFeatures().get(0);
        assertThat(fr.feature()).isEqualTo("bow");
        assertThat(fr.problem()).containsIgnoringCase("self-intersection");
        // the two triangles' areas cancel in the raw signed ring; after repair both count
        double after = EllipsoidalMeasure.areaM2(t.features().get(0).geometry()) / 1e6;
        assertThat(fr.areaAfterKm2()).isCloseTo(after, org.assertj.core.data.Offset.offset(0.01));
        assertThat(fr.areaAfterKm2()).isGreaterThan(3000);
        assertThat(Math.abs(fr.areaBeforeKm2())).isLessThan(200);
        assertThat(t.repair().areaChangeKm2()).isCloseTo(fr.areaAfterKm2() - fr.areaBeforeKm2(),
            org.assertj.core.data.Offset.offset(0.01));
        assertThat(t.inside(50.5, 30.2)).isTrue();
        assertThat(t.inside(50.2, 30.5)).isFalse();
    }

    @Test
    void theSameGeometryHashesAlikeWhateverItsSpellingAndCrs() throws Exception {
        String spaced = LINE.replace(",", " , ");
        assertThat(UserTarget.hash(read(spaced))).isEqualTo(UserTarget.hash(read(LINE)));
        // the same vertices sent in EPSG:4326 (latitude first): same points, same hash
        JsonNode latFirst = JSON.readTree("{\"type\":\"LineString\",\"coordinates\":[[50.4,37.55],[49.95,37.75]]}");
        JsonNode lonFirst = JSON.readTree("{\"type\":\"LineString\",\"coordinates\":[[37.55,50.4],[37.75,49.95]]}");
        assertThat(UserTarget.hash(GeoJsonTargets.read(latFirst, OutputCrs.EPSG_4326, UserLimits.REQUEST, F)))
            .isEqualTo(UserTarget.hash(GeoJsonTargets.read(lonFirst, null, UserLimits.REQUEST, F)));
        assertThat(UserTarget.hash(read(LINE.replace("33.40", "33.41")))).isNotEqualTo(UserTarget.hash(read(LINE)));
        UserTargets cache = new UserTargets(F);
        assertThat(cache.index(read(LINE))).isSameAs(cache.index(read(spaced)));
    }

    @Test
    void aProjectedCrsGivesTheSameDistances() throws Exception {
        // the line's vertices in ETRS89-LAEA (EPSG:3035, northing first), declared in a 2008-style crs member
        StringBuilder sb = new StringBuilder("{\"type\":\"LineString\",\"crs\":{\"type\":\"name\",\"properties\":"
            + "{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"coordinates\":[");
        Geometry line = geometry(LINE);
        Geometry projected = OutputCrs.EPSG_3035.fromLonLat(line);
        for (Coordinate c : projected.getCoordinates()) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append("[").append(c.x).append(",").append(c.y)
                .append("]");
        }
        UserTarget viaLaea = target(sb.append("]}").toString());
        UserTarget lonLat = target(LINE);
        for (double[] p : new double[][] {{49.99, 36.23}, {47.84, 35.14}, {48.5, 39.0}}) {
            assertThat(viaLaea.measure(p[0], p[1]).distanceM()).isCloseTo(lonLat.measure(p[0], p[1]).distanceM(),
                org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void badGeometriesAreRefusedNamingTheFeatureAndTheLimit() {
        assertRefused("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}},{\"type\":\"Feature\",\"id\":\"b\","
            + "\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[30,95],[31,50]]}}]}",
            400, "feature 1 (id 'b')", "latitude 95");
        assertRefused("{\"type\":\"Point\",\"coordinates\":[30,50]}", 400, "feature 0", "Point");
        assertRefused("{\"type\":\"LineString\",\"coordinates\":[]}", 400, "feature 0", "empty");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[30,50],[31,50],[31,51],[30,51]]]}", 400, "ring 0",
            "not closed");
        assertRefused("{\"type\":\"LineString\",\"coordinates\":[[30,50],[\"31\",50]]}", 400, "position 1",
            "not a finite number");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[179,50],[-179,50],[-179,51],[179,50]]]}", 400,
            "ring 0", "antimeridian");
        assertRefused("{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]],\"crs\":\"EPSG:9999\"}", 400,
            "EPSG:9999", "not one the service knows");
        StringBuilder many = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        for (int i = 0; i <= UserLimits.REQUEST.maxVertices(); i++) {
            many.append(i == 0 ? "" : ",").append("[30,").append(50 + i * 1e-6).append("]");
        }
        assertRefused(many.append("]}").toString(), 413, "100000 vertices", "limit");
        // a line around the world 13 times: over the densified segment limit
        StringBuilder far = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        for (int i = 0; i < 80; i++) {
            far.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "[0,0]" : "[179,0]");
        }
        assertThatThrownBy(() -> target(far.append("]}").toString())).isInstanceOfSatisfying(
            UserGeometryException.class, e -> {
                assertThat(e.status()).isEqualTo(413);
                assertThat(e.getMessage()).contains("500000");
            });
    }

    private static void assertRefused(String json, int status, String... says) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(UserGeometryException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(says);
        });
    }
}

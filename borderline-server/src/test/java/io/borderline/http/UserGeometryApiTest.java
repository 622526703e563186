package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.BruteForce;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * {@code POST /distance}, {@code POST /coverage} and {@code POST /coverage/stats} with geometries in the body:
 * answers against the independent brute force ({@link BruteForce}), refusals as problems naming the feature and
 * the limit, and every answer valid against openapi.yaml.
 */
class UserGeometryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForSpecificationUrl(Path.of("openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
            .build();
    static final Path EXAMPLE = Path.of("docs/examples/example-line.geojson");
    private static final String POINTS = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"kharkiv","properties":{},"geometry":{"type":"Point","coordinates":[36.2304,49.9935]}},
         {"type":"Feature","id":"zaporizhzhia","properties":{},"geometry":{"type":"Point","coordinates":[35.1396,47.8388]}},
         {"type":"Feature","properties":{"id":7},"geometry":{"type":"Point","coordinates":[33.0,47.5]}},
         {"type":"Feature","id":"broken","properties":{},"geometry":{"type":"Point","coordinates":[36.0,91.0]}}]}""";
    private static final String AREA_WITH_HOLE = """
        {"type":"Feature","id":"zone","properties":{},"geometry":{"type":"Polygon","coordinates":[
         [[30.0,50.0],[32.0,50.0],[32.0,51.5],[30.0,51.5],[30.0,50.0]],
         [[30.6,50.5],[31.4,50.5],[31.4,51.0],[30.6,51.0],[30.6,50.5]]]}}""";

    private static HttpResponse<String> post(String path, String body) {
        HttpResponse<String> r = ServerFixture.post(path, "application/json", "*/*", body);
        int q = path.indexOf('?');
        SimpleRequest.Builder b = SimpleRequest.Builder.post(q < 0 ? path : path.substring(0, q))
            .withContentType("application/json").withBody(body);
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                b.withQueryParam(p[0], p[1]);
            }
        }
        SimpleResponse response = SimpleResponse.Builder.status(r.statusCode())
            .withContentType(r.headers().firstValue("Content-Type").orElse("")).withBody(r.body()).build();
        ValidationReport report = r.statusCode() == 200 ? VALIDATOR.validate(b.build(), response)
            : VALIDATOR.validateResponse(b.build().getPath(), Request.Method.POST, response);
        assertThat(report.getMessages()).as(path + " -> " + r.statusCode() + " " + r.body()).isEmpty();
        return r;
    }

    private static Geometry exampleLine() throws Exception {
        JsonNode fc = JSON.readTree(Files.readString(EXAMPLE));
        return new GeoJsonReader().read(fc.get("features").get(0).get("geometry").toString());
    }

    @Test
    void distancesToASentLineAgreeWithTheBruteForce() throws Exception {
        String body = "{\"target\":" + Files.readString(EXAMPLE) + ",\"points\":" + POINTS + "}";
        HttpResponse<String> r = post("/distance", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        BruteForce reference = new BruteForce(exampleLine());
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(4);
        for (int i = 0; i < 3; i++) {
            JsonNode row = results.get(i);
            double lat = row.get("point").get("lat").asDouble();
            double lon = row.get("point").get("lon").asDouble();
            assertThat(row.get("distance_m").asDouble()).as(row.toString()).isCloseTo(reference.distance(lat, lon),
                within(1.0));
            assertThat(row.get("inside").asBoolean()).isFalse();
            assertThat(row.get("nearest_feature").asText()).isEqualTo("example-line");
            // the nearest point lies on the line: its own distance to the line is (almost) nothing
            assertThat(reference.distance(row.get("nearest_point").get("lat").asDouble(),
                row.get("nearest_point").get("lon").asDouble())).isLessThan(1.0);
        }
        assertThat(results.get(0).get("id").asText()).isEqualTo("kharkiv");
        assertThat(results.get(2).get("id").asInt()).isEqualTo(7);
        assertThat(results.get(3).get("error").asText()).contains("lat");
        assertThat(answer.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(answer.get("target").get("origin").asText()).isEqualTo("user-supplied");
        assertThat(answer.get("target").get("sha256").asText()).hasSize(64);
    }

    @Test
    void anAreaWithAHoleIsInsideExceptInTheHole() throws Exception {
        String points = "{\"type\":\"MultiPoint\",\"coordinates\":[[30.3,50.2],[31.0,50.75],[33.0,50.75]]}";
        HttpResponse<String> r = post("/distance", "{\"target\":" + AREA_WITH_HOLE + ",\"points\":" + points + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(r.body()).get("results");
        BruteForce edges = new BruteForce(new GeoJsonReader().read(JSON.readTree(AREA_WITH_HOLE).get("geometry")
            .toString()));
        assertThat(results.get(0).get("inside").asBoolean()).isTrue();
        assertThat(results.get(0).get("distance_m").asDouble()).isZero();
        assertThat(results.get(0).get("edge").get("distance_m").asDouble()).isCloseTo(edges.distance(50.2, 30.3),
            within(1.0));
        assertThat(results.get(1).get("inside").asBoolean()).isFalse(); // in the hole
        assertThat(results.get(1).get("distance_m").asDouble()).isCloseTo(edges.distance(50.75, 31.0), within(1.0));
        assertThat(results.get(2).get("distance_m").asDouble()).isCloseTo(edges.distance(50.75, 33.0), within(1.0));
    }

    @Test
    void aCoverageOfASentLineLiesAtTheRangeFromIt() throws Exception {
        String body = "{\"source\":" + Files.readString(EXAMPLE) + "}";
        HttpResponse<String> r = post("/coverage?range_km=40", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode coverage = JSON.readTree(r.body()).get("features").get(0);
        JsonNode props = coverage.get("properties");
        assertThat(props.get("source_kind").asText()).isEqualTo("user");
        assertThat(props.get("user_source").get("origin").asText()).isEqualTo("user-supplied");
        double tolerance = props.get("tolerance_m").asDouble();
        assertThat(tolerance).isEqualTo(40.0);
        Geometry outline = new GeoJsonReader().read(coverage.get("geometry").toString());
        BruteForce reference = new BruteForce(exampleLine());
        Coordinate[] vertices = outline.getCoordinates();
        for (int i = 0; i < vertices.length; i += Math.max(1, vertices.length / 60)) {
            assertThat(reference.distance(vertices[i].y, vertices[i].x)).as("vertex %d", i)
                .isCloseTo(40_000, within(tolerance));
        }
        HttpResponse<String> stats = post("/coverage/stats?range_km=40", body);
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(stats.body());
        assertThat(s.get("user_source").get("sha256").asText())
            .isEqualTo(props.get("user_source").get("sha256").asText());
        double ukraine = 0;
        for (JsonNode c : s.get("stats").get("countries")) {
            if (c.get("code").asText().equals("UKR")) {
                ukraine = c.get("area_in_range_km2").asDouble();
            }
        }
        // about 620 km of line, 80 km wide, mostly in Ukraine (some of it east of the line is in Russia)
        assertThat(ukraine).isBetween(30_000.0, 62_000.0);
        assertThat(s.get("stats").get("places").get("count").asInt()).isPositive();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/distance | {\"target\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[30,95]]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[[30,50]]}} | 400 | feature 0, position 1",
        "/distance | {\"target\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},\"geometry\":null}]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[[30,50]]}} | 400 | feature 0 (id 'a') has no geometry",
        "/distance | {\"target\":{\"type\":\"Point\",\"coordinates\":[30,50]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[[30,50]]}} | 400 | is a Point",
        "/distance | {\"target\":{\"type\":\"Polygon\",\"coordinates\":[]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[[30,50]]}} | 400 | empty geometry",
        "/distance | {\"target\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]},\"points\":[1,2]} | 400 | 'points'",
        "/distance | {\"target\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}} | 400 | no 'points'",
        "/distance | {\"target\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[]},\"extra\":1} | 400 | unknown member 'extra'",
        "/distance | {\"target\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]},\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[]},\"crs\":\"EPSG:4979\"} | 400 | not one the service knows",
        "/distance | {\"target\": NaN} | 400 | not valid JSON",
        "/coverage?range_km=20 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}} | 200 | ",
        "/coverage?range_km=20&mode=beyond | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}} | 400 | mode=beyond needs an area",
        "/coverage/stats?range_km=0.5 | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}} | 400 | range_km",
        "/coverage/stats?range_km=20&from=BLR | {\"source\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}} | 400 | unknown query parameter 'from'",
    })
    void badBodiesAreProblemsNamingTheFeatureOrTheMember(String path, String body, int status, String says) {
        HttpResponse<String> r = post(path.trim(), body.trim());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status != 200) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains(says.trim().replace("'", "'"));
        }
    }

    @Test
    void overTheVertexLimitIs413NamingTheLimit() {
        StringBuilder b = new StringBuilder("{\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[[30,50]]},"
            + "\"target\":{\"type\":\"LineString\",\"coordinates\":[");
        for (int i = 0; i <= 100_000; i++) {
            b.append(i == 0 ? "" : ",").append("[30,").append(50 + i * 1e-6).append(']');
        }
        HttpResponse<String> r = post("/distance", b.append("]}}").toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("100000 vertices").contains("'target'");
    }

    @Test
    void onlyJsonBodiesAreRead() {
        HttpResponse<String> r = ServerFixture.post("/distance", "text/plain", "*/*", "{}");
        assertThat(r.statusCode()).isEqualTo(415);
        HttpResponse<String> csv = ServerFixture.post("/coverage?range_km=5", "text/csv", "*/*", "lat,lon\n1,2\n");
        assertThat(csv.statusCode()).isEqualTo(415);
    }
}

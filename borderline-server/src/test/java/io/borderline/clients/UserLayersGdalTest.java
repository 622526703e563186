package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.Main;
import io.borderline.TestData;
import io.borderline.data.BoundaryFile;
import io.borderline.geodesy.BruteForce;
import io.borderline.http.ServerOptions;
import io.borderline.userdata.LayerFolder;
import io.borderline.userdata.UserLayers;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Layers read at start-up from a folder holding a GeoJSON file and a GeoPackage (written by GDAL's ogr2ogr, so
 * the GeoPackage comes from an independent writer): listed at /layers with their files' SHA-256, measured to
 * against the brute force, used as coverage sources, and served back to GDAL's OAPIF driver unchanged.
 */
class UserLayersGdalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, String> ENV = Map.of("GDAL_HTTP_TIMEOUT", "300", "CPL_DEBUG", "OFF");
    static final String ZONE = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"zone-a","label":"test area"},
         "geometry":{"type":"Polygon","coordinates":[
         [[36.0,48.0],[38.0,48.0],[38.0,49.5],[36.0,49.5],[36.0,48.0]],
         [[36.6,48.5],[37.4,48.5],[37.4,49.0],[36.6,49.0],[36.6,48.5]]]}}]}""";
    private static Path ogr2ogr;
    private static Path dir;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        ogr2ogr = ExternalTool.require("ogr2ogr");
        ExternalTool.require("ogrinfo");
        dir = Files.createTempDirectory("borderline-layers");
        Path source = Files.createTempFile("zone", ".geojson");
        Files.writeString(source, ZONE);
        Processes.run(List.of(ogr2ogr.toString(), "-f", "GPKG", dir.resolve("zone.gpkg").toString(), source.toString(),
            "-nln", "zone"), ENV, 120).requireSuccess(List.of("ogr2ogr"));
        Files.delete(source);
        Files.copy(Path.of("docs/examples/example-line.geojson"), dir.resolve("example-line.geojson"));
        UserLayers layers = LayerFolder.load(dir, BoundaryFile.FACTORY);
        app = Main.start(TestData.get(), "127.0.0.1", 0, ServerOptions.DEFAULTS, false, layers);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(java.time.Duration.ofSeconds(300)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void layersAreListedWithTheirFilesHashes() throws Exception {
        JsonNode layers = get("/layers").get("layers");
        assertThat(layers).hasSize(2);
        for (JsonNode l : layers) {
            byte[] file = Files.readAllBytes(dir.resolve(l.get("file_name").asText()));
            assertThat(l.get("file_sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
            assertThat(l.get("origin").asText()).isEqualTo("user-supplied");
            assertThat(l.get("feature_count").asInt()).isEqualTo(1);
        }
        assertThat(layers.get(1).get("name").asText()).isEqualTo("zone");
        assertThat(layers.get(1).get("format").asText()).isEqualTo("gpkg");
        assertThat(layers.get(1).get("bbox").toString()).isEqualTo("[36.0,48.0,38.0,49.5]");
    }

    @Test
    void distancesToAGeoPackageLayerAgreeWithTheBruteForce() throws Exception {
        Geometry zone = new GeoJsonReader().read(JSON.readTree(ZONE).get("features").get(0).get("geometry").toString());
        BruteForce edges = new BruteForce(zone);
        for (double[] p : new double[][] {{49.99, 36.23}, {48.75, 37.0}, {48.2, 36.5}, {47.84, 35.14}}) {
            JsonNode d = get("/distance?lat=" + p[0] + "&lon=" + p[1] + "&to=layer:zone");
            JsonNode result = d.get("result");
            boolean inside = p[0] == 48.2;
            assertThat(result.get("inside").asBoolean()).as("%s", result).isEqualTo(inside);
            assertThat(result.get("edge").get("distance_m").asDouble()).isCloseTo(edges.distance(p[0], p[1]), within(1.0));
            assertThat(result.get("distance_m").asDouble()).isCloseTo(inside ? 0 : edges.distance(p[0], p[1]),
                within(1.0));
            assertThat(d.get("layer").get("origin").asText()).isEqualTo("user-supplied");
            assertThat(d.has("dataset")).isFalse(); // never mixed into the embedded data's provenance
        }
    }

    @Test
    void aLayerIsACoverageSource() throws Exception {
        JsonNode s = get("/coverage/stats?from=layer:zone&range_km=20&mode=beyond");
        assertThat(s.get("source").get("kind").asText()).isEqualTo("layer");
        assertThat(s.get("layer").get("name").asText()).isEqualTo("zone");
        assertThat(s.get("mode").asText()).isEqualTo("beyond");
        JsonNode line = get("/coverage/stats?from=layer:example-line&range_km=40");
        assertThat(line.get("layer").get("kind").asText()).isEqualTo("lines");
    }

    @Test
    void gdalReadsTheLayersBackAsOgcCollections() throws Exception {
        Path ogrinfo = ExternalTool.require("ogrinfo");
        // /collections computes the published drone coverages once (their extents); on a loaded machine the first
        // attempt can hit the computation deadline (422), and a finished one is cached
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/collections")).timeout(java.time.Duration.ofSeconds(300)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                break;
            }
        }
        String list = Processes.run(List.of(ogrinfo.toString(), "-ro", "-so", "OAPIF:" + base()), ENV, 600)
            .requireSuccess(List.of("ogrinfo")).stdout();
        assertThat(list).contains("layer-zone").contains("layer-example-line");
        String out = Processes.run(List.of(ogr2ogr.toString(), "-f", "GeoJSON", "/vsistdout/", "OAPIF:" + base(),
            "layer-zone", "-lco", "COORDINATE_PRECISION=9"), ENV, 600).requireSuccess(List.of("ogr2ogr")).stdout();
        JsonNode read = JSON.readTree(out).get("features");
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("properties").get("label").asText()).isEqualTo("test area");
        Geometry back = new GeoJsonReader().read(read.get(0).get("geometry").toString());
        Geometry sent = new GeoJsonReader().read(JSON.readTree(ZONE).get("features").get(0).get("geometry").toString());
        assertThat(back.getNumGeometries()).isEqualTo(1);
        assertThat(back.getGeometryN(0).equalsExact(sent.norm(), 1e-9) || back.getGeometryN(0).norm()
            .equalsExact(sent.norm(), 1e-9)).as(back.toText()).isTrue();
    }
}

package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.tiles.TileId;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The vector tile routes over HTTP: content, headers, caching answers, empty tiles, bad tile addresses, TileJSON. */
class VectorTilesApiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double VILNIUS_LON = 25.2798;
    private static final double VILNIUS_LAT = 54.68916;

    /** The tile of a zoom level that holds a lon/lat point (the slippy-map formula, not the code's WebMercator). */
    static TileId tileOf(double lon, double lat, int z) {
        return new TileId(z, (int) Math.floor(MercatorReference.column(lon, z)),
            (int) Math.floor(MercatorReference.row(lat, z)));
    }

    static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ServerFixture.base() + path)).timeout(java.time.Duration.ofSeconds(300)).GET();
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theTileOverVilniusHasEveryLayerWithTheirFeaturesAndProperties() throws Exception {
        TileId t = tileOf(VILNIUS_LON, VILNIUS_LAT, 6);
        HttpResponse<byte[]> r = get("/tiles/" + t + ".mvt", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
            new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        assertThat(mvt.getLayersByName().keySet()).containsExactlyInAnyOrder("countries", "borders", "sites", "coverage",
            "time_rings");
        assertThat(props(mvt.getLayer("countries"), "code")).contains("BLR", "LTU", "LVA", "POL");
        assertThat(props(mvt.getLayer("borders"), "id")).contains("BLR-LTU");
        List<String> coverage = new ArrayList<>();
        for (Geometry g : mvt.getLayer("coverage").getGeometries()) {
            Map<?, ?> p = (Map<?, ?>) g.getUserData();
            coverage.add(p.get("source") + "/" + p.get("drone"));
        }
        assertThat(coverage).contains("BLR/lancet", "RUS/lancet", "BLR/shahed-136");
        Geometry vilnius = mvt.getLayer("sites").getGeometries().stream()
            .filter(g -> "vilnius".equals(((Map<?, ?>) g.getUserData()).get("id"))).findFirst().orElseThrow();
        // tile units: 4096 across, y down from the tile's north edge
        double x = (MercatorReference.column(VILNIUS_LON, t.z()) - t.x()) * 4096;
        double y = (MercatorReference.row(VILNIUS_LAT, t.z()) - t.y()) * 4096;
        assertThat(vilnius.getCoordinate().x).isCloseTo(x, org.assertj.core.data.Offset.offset(0.5));
        assertThat(vilnius.getCoordinate().y).isCloseTo(y, org.assertj.core.data.Offset.offset(0.5));
    }

    private static List<Object> props(JtsLayer layer, String key) {
        return layer.getGeometries().stream().map(g -> ((Map<?, ?>) g.getUserData()).get(key)).map(o -> (Object) o)
            .toList();
    }

    @Test
    void aRepeatedRequestWithTheEtagIsAnswered304() throws Exception {
        String path = "/tiles/" + tileOf(VILNIUS_LON, VILNIUS_LAT, 7) + ".mvt";
        HttpResponse<byte[]> first = get(path, Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get(path, Map.of());
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.body()).isEqualTo(first.body());
        HttpResponse<byte[]> revalidated = get(path, Map.of("If-None-Match", "\"other\", " + etag));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(get(path, Map.of("If-None-Match", "\"0123\"")).statusCode()).isEqualTo(200);
        // another dataset is another tile
        HttpResponse<byte[]> ne = get(path + "?dataset=ne10m", Map.of());
        assertThat(ne.statusCode()).isEqualTo(200);
        assertThat(ne.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void aTileNoFeatureReachesIsNoContent() throws Exception {
        HttpResponse<byte[]> r = get("/tiles/" + tileOf(-130, -45, 6) + ".mvt", Map.of()); // the South Pacific
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
    }

    @ParameterizedTest
    @CsvSource({"/tiles/15/0/0.mvt,z,0 to 14", "/tiles/6/64/0.mvt,x,0 to 63", "/tiles/6/0/64.mvt,y,0 to 63",
        "/tiles/a/0/0.mvt,z,0 to 14", "/tiles/6/1.5/0.mvt,x,0 to 63", "/tiles/6/0/-1.mvt,y,0 to 63",
        "/tiles/99999999999/0/0.mvt,z,0 to 14", "/tiles/0/1/0.mvt,x,0 to 0"})
    void anInvalidTileAddressIsA400NamingTheParameterAndItsRange(String path, String parameter, String range)
        throws Exception {
        HttpResponse<byte[]> r = get(path, Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("allowed").asText()).isEqualTo("a whole number from " + range);
    }

    /** HTTP/1.0 over a socket, since java.net.http does not let a caller set Host. */
    private static String rawGet(String path, String host) throws Exception {
        URI base = URI.create(ServerFixture.base());
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(all).startsWith("HTTP/1.1 200");
            return all.substring(all.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void tileJsonDescribesTheTilesWithAnAbsoluteTemplateBoundsAndFields() throws Exception {
        JsonNode t = JSON.readTree(get("/tiles/tilejson.json", Map.of()).body());
        assertThat(t.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(t.get("tiles").get(0).asText()).isEqualTo(ServerFixture.base() + "/tiles/{z}/{x}/{y}.mvt");
        assertThat(t.get("minzoom").asInt()).isZero();
        assertThat(t.get("maxzoom").asInt()).isEqualTo(14);
        assertThat(t.get("attribution").asText()).contains("OpenStreetMap contributors");
        JsonNode b = t.get("bounds");
        assertThat(b.get(0).asDouble()).isLessThan(VILNIUS_LON);
        assertThat(b.get(2).asDouble()).isGreaterThan(VILNIUS_LON);
        assertThat(b.get(1).asDouble()).isLessThan(VILNIUS_LAT);
        assertThat(b.get(3).asDouble()).isGreaterThan(VILNIUS_LAT).isLessThanOrEqualTo(MercatorReference.MAX_LAT_DEG);
        List<String> ids = new ArrayList<>();
        t.get("vector_layers").forEach(l -> ids.add(l.get("id").asText()));
        assertThat(ids).containsExactly("countries", "borders", "sites", "coverage", "time_rings");
        JsonNode countries = t.get("vector_layers").get(0).get("fields");
        assertThat(countries.get("code").asText()).isEqualTo("String");
        assertThat(countries.get("area_km2").asText()).isEqualTo("Number");
        JsonNode coverage = t.get("vector_layers").get(3).get("fields");
        assertThat(coverage.has("drone")).isTrue();
        assertThat(coverage.has("source")).isTrue();
        JsonNode ne = JSON.readTree(rawGet("/tiles/tilejson.json?dataset=ne10m", "tiles.example:8080"));
        assertThat(ne.get("tiles").get(0).asText()).isEqualTo("http://tiles.example:8080/tiles/{z}/{x}/{y}.mvt?dataset=ne10m");
    }

    @Test
    void theStyleReferencesTheTileJsonAndGivesEveryCoverageItsOwnFilteredLayer() throws Exception {
        HttpResponse<byte[]> r = get("/tiles/style.json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode style = JSON.readTree(r.body());
        assertThat(style.get("version").asInt()).isEqualTo(8);
        JsonNode source = style.get("sources").get("borderline");
        assertThat(source.get("type").asText()).isEqualTo("vector");
        assertThat(source.get("url").asText()).isEqualTo(ServerFixture.base() + "/tiles/tilejson.json");
        JsonNode tileJson = JSON.readTree(get("/tiles/tilejson.json", Map.of()).body());
        JsonNode fields = tileJson.get("vector_layers").get(3).get("fields");
        assertThat(fields.get("range_km").asText()).isEqualTo("Number");
        assertThat(fields.has("drone_class")).isTrue();
        List<String> visible = new ArrayList<>();
        int coverageLayers = 0;
        for (JsonNode drone : JSON.readTree(get("/drones", Map.of()).body()).get("drones")) {
            for (String from : List.of("BLR", "RUS")) {
                String id = "coverage-" + from + "-" + drone.get("id").asText();
                JsonNode layer = null;
                for (JsonNode l : style.get("layers")) {
                    if (l.get("id").asText().equals(id)) {
                        layer = l;
                    }
                }
                assertThat(layer).as(id).isNotNull();
                assertThat(layer.get("source-layer").asText()).isEqualTo("coverage");
                assertThat(layer.get("filter").toString()).contains("\"" + from + "\"", "\"" + drone.get("id").asText() + "\"");
                assertThat(layer.get("metadata").get("borderline:range_km").asDouble()).isEqualTo(drone.get("range_km").asDouble());
                if (layer.get("layout").get("visibility").asText().equals("visible")) {
                    visible.add(id);
                }
                coverageLayers++;
            }
        }
        assertThat(coverageLayers).isGreaterThanOrEqualTo(14);
        assertThat(visible).containsExactlyInAnyOrder("coverage-BLR-lancet", "coverage-RUS-lancet");
    }

    @Test
    void aBaseMapTileCarriesOnlyTheLayersAskedForAndItsPolygonsAreValid() throws Exception {
        for (int z : new int[] {3, 6, 9}) {
            TileId t = tileOf(VILNIUS_LON, VILNIUS_LAT, z);
            HttpResponse<byte[]> r = get("/tiles/" + t + ".mvt?layers=borders,countries", Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
                new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
            assertThat(mvt.getLayersByName().keySet()).contains("countries").isSubsetOf("countries", "borders");
            if (z <= 6) {
                assertThat(mvt.getLayersByName().keySet()).containsExactly("countries", "borders");
            }
            for (Geometry g : mvt.getLayer("countries").getGeometries()) {
                assertThat(g.isValid()).as("z" + z + " " + ((Map<?, ?>) g.getUserData()).get("code")).isTrue();
            }
            assertThat(props(mvt.getLayer("countries"), "code")).contains("LTU");
            if (z <= 6) {
                assertThat(props(mvt.getLayer("countries"), "code")).contains("BLR", "LVA", "POL");
            }
        }
        HttpResponse<byte[]> bad = get("/tiles/6/36/20.mvt?layers=countries,roads", Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("parameter").asText()).isEqualTo("layers");
    }
}

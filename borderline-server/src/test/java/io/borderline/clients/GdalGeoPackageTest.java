package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.http.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GDAL (its GPKG driver) reads the {@code f=gpkg} answers: every collection's items and a coverage, in EPSG:4326
 * with an R-tree spatial index, and with the same geometries (to 1e-7 degrees, the GeoJSON's precision) and the
 * same property values as the GeoJSON of the same request.
 */
class GdalGeoPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("CPL_DEBUG", "OFF");
    private static Path ogrinfo;
    private static Path ogr2ogr;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ogrinfo = ExternalTool.require("ogrinfo");
        ogr2ogr = ExternalTool.require("ogr2ogr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"countries", "borders", "sites", "claims", "drones", "coverage-blr"})
    void everyCollectionAsGeoPackageEqualsItsGeoJson(String collection) throws Exception {
        // the world's countries: those of the Baltic states' box (the world is 8.9 million vertices)
        String items = "/collections/" + collection + "/items?limit=1000"
            + (collection.equals("countries") ? "&bbox=21,55.7,26.5,58" : "");
        Path gpkg = download(items + "&f=gpkg", collection + ".gpkg");
        JsonNode ours = JSON.readTree(ServerFixture.get(items).body());
        int withGeometry = 0;
        for (JsonNode f : ours.get("features")) {
            withGeometry += f.get("geometry").isNull() ? 0 : 1;
        }
        assertIndexedWgs84Layer(gpkg, collection, withGeometry);
        assertSameFeatures(gpkg, collection, ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"site=lida-airbase&range_km=120", "from=EST&range_km=30"})
    void aCoverageAsGeoPackageHasThePolygonAndTheStatistics(String query) throws Exception {
        Path gpkg = download("/coverage?" + query + "&f=gpkg", "coverage.gpkg");
        assertIndexedWgs84Layer(gpkg, "coverage", 1);
        JsonNode served = JSON.readTree(ServerFixture.get("/coverage?" + query).body()).get("features").get(0);
        JsonNode read = read(gpkg, "coverage").get("features").get(0);
        GeoJsonReader reader = new GeoJsonReader();
        Geometry theirs = reader.read(read.get("geometry").toString());
        Geometry expected = reader.read(served.get("geometry").toString());
        assertThat(theirs.norm().equalsExact(expected.norm(), 2e-7)).isTrue();
        // the GeoPackage has the GeoJSON answer's flat columns
        for (String column : List.of("land_in_range_including_source_km2", "land_in_range_beyond_source_km2",
            "population_in_range_including_source", "places_in_range")) {
            assertThat(read.get("properties").get(column).asDouble()).as(column)
                .isEqualTo(served.get("properties").get(column).asDouble());
        }
        assertThat(read.get("properties").get("range_km").asDouble())
            .isEqualTo(served.get("properties").get("range_km").asDouble());
    }

    /** The layer is EPSG:4326 and its R-tree holds one entry per feature with a geometry. */
    private void assertIndexedWgs84Layer(Path gpkg, String layer, int indexed) {
        List<String> info = List.of(ogrinfo.toString(), "-ro", "-so", gpkg.toString(), layer);
        String out = Processes.run(info, ENV, 300).requireSuccess(info).stdout();
        assertThat(out).contains("using driver `GPKG'", "ID[\"EPSG\",4326]");
        List<String> index = List.of(ogrinfo.toString(), "-ro", gpkg.toString(), "-sql",
            "SELECT HasSpatialIndex('" + layer + "', 'geom')");
        assertThat(Processes.run(index, ENV, 300).requireSuccess(index).stdout())
            .contains("HasSpatialIndex (Integer) = 1");
        List<String> rows = List.of(ogrinfo.toString(), "-ro", gpkg.toString(), "-sql",
            "SELECT count(*) AS n FROM \"rtree_" + layer + "_geom\"");
        assertThat(Processes.run(rows, ENV, 300).requireSuccess(rows).stdout()).contains("n (Integer) = " + indexed + "\n");
    }

    private void assertSameFeatures(Path gpkg, String layer, JsonNode ours) throws Exception {
        JsonNode theirs = read(gpkg, layer);
        assertThat(theirs.get("features").size()).isEqualTo(ours.get("features").size()).isPositive();
        Map<String, JsonNode> byId = new HashMap<>();
        theirs.get("features").forEach(f -> byId.put(f.get("properties").get("id").asText(), f));
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : ours.get("features")) {
            String id = f.get("id").asText();
            JsonNode t = byId.get(id);
            assertThat(t).as(id).isNotNull();
            if (f.get("geometry").isNull()) {
                assertThat(t.get("geometry").isNull()).as(id).isTrue();
            } else {
                Geometry a = reader.read(f.get("geometry").toString());
                Geometry b = reader.read(t.get("geometry").toString());
                assertThat(b.getNumPoints()).as(id).isEqualTo(a.getNumPoints());
                assertThat(b.norm().equalsExact(a.norm(), 2e-7)).as(id).isTrue();
            }
            f.get("properties").properties().forEach(p -> {
                JsonNode v = t.get("properties").get(p.getKey());
                JsonNode expected = p.getValue();
                String what = id + "." + p.getKey();
                if (expected.isNull()) {
                    assertThat(v == null || v.isNull()).as(what).isTrue();
                } else if (expected.isContainerNode()) {
                    try {
                        assertThat(JSON.readTree(v.asText())).as(what).isEqualTo(expected);
                    } catch (Exception e) {
                        throw new AssertionError(what + ": " + v, e);
                    }
                } else if (expected.isNumber()) {
                    assertThat(v.asDouble()).as(what).isEqualTo(expected.asDouble());
                } else {
                    assertThat(v.asText()).as(what).isEqualTo(expected.asText());
                }
            });
        }
    }

    /** The layer as GDAL reads it, converted to GeoJSON by ogr2ogr. */
    private JsonNode read(Path gpkg, String layer) throws Exception {
        Path out = dir.resolve(layer + "-read.geojson");
        List<String> cmd = List.of(ogr2ogr.toString(), "-f", "GeoJSON", out.toString(), gpkg.toString(), layer,
            "-lco", "COORDINATE_PRECISION=7", "-lco", "RFC7946=NO");
        Processes.run(cmd, ENV, 600).requireSuccess(cmd);
        return JSON.readTree(out.toFile());
    }

    private Path download(String path, String file) throws Exception {
        Path p = dir.resolve(file);
        HttpResponse<Path> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(ServerFixture.base() + path)).timeout(java.time.Duration.ofSeconds(300)).build(), HttpResponse.BodyHandlers.ofFile(p));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geopackage+sqlite3");
        return p;
    }
}

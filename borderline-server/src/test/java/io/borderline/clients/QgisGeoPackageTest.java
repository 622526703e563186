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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QGIS (Debian python3-qgis 3.22, headless, its OGR provider) opens the {@code f=gpkg} answers the way a user adds
 * a GeoPackage layer ({@code path|layername=name}): the countries items and a coverage (its {@code coverage} and
 * {@code source} layers, as {@link GdalGeoPackageTest} names them). Each layer is valid, in EPSG:4326, has as many
 * features as the GeoJSON answer to the same request has of that kind, and a column for every GeoJSON property.
 */
class QgisGeoPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void qgisOpensTheServicesGeoPackagesWithTheGeoJsonsFeaturesAndProperties() throws Exception {
        Path python = ExternalTool.require("/usr/bin/python3");
        if (Processes.run(List.of(python.toString(), "-c", "import qgis.core"), Map.of(), 120).exitCode() != 0) {
            ExternalTool.missing("QGIS's Python bindings (Debian python3-qgis)");
        }
        // request (without f) -> GeoPackage file; the GeoJSON features of each layer, by layer
        Map<String, Map<String, List<JsonNode>>> expected = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        String countries = "/collections/countries/items?bbox=21,53,27,58"; // the world's first page is 100 countries
        Path countriesGpkg = download(countries + "&f=gpkg", "countries.gpkg");
        List<JsonNode> countryFeatures = new ArrayList<>();
        JSON.readTree(ServerFixture.get(countries).body()).get("features").forEach(countryFeatures::add);
        expected.put(countriesGpkg.toString(), Map.of("countries", countryFeatures));
        args.add(countriesGpkg + "=countries");

        String coverage = "/coverage?site=lida-airbase&range_km=120";
        Path coverageGpkg = download(coverage + "&f=gpkg", "coverage.gpkg");
        Map<String, List<JsonNode>> byLayer = new LinkedHashMap<>();
        // the coverage answer's features are the coverage polygon (id "coverage") and its source (id "source"),
        // each written to the GeoPackage layer of that name
        JSON.readTree(ServerFixture.get(coverage).body()).get("features")
            .forEach(f -> byLayer.computeIfAbsent(f.get("id").asText(), k -> new ArrayList<>()).add(f));
        assertThat(byLayer).containsOnlyKeys("coverage", "source");
        expected.put(coverageGpkg.toString(), byLayer);
        byLayer.keySet().forEach(layer -> args.add(coverageGpkg + "=" + layer));

        List<String> cmd = new ArrayList<>(List.of(python.toString(),
            Path.of("borderline-server/src/test/resources/clients/qgis_geopackage.py").toAbsolutePath().toString()));
        cmd.addAll(args);
        Processes.Result r = Processes.run(cmd, Map.of("QT_QPA_PLATFORM", "offscreen", "XDG_RUNTIME_DIR", "/tmp"), 900)
            .requireSuccess(cmd);
        Map<String, JsonNode> read = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode layer = JSON.readTree(line);
                read.put(layer.get("file").asText() + "=" + layer.get("layer").asText(), layer);
            }
        }
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(args);
        expected.forEach((file, layers) -> layers.forEach((name, features) -> {
            JsonNode layer = read.get(file + "=" + name);
            assertThat(layer.get("valid").asBoolean()).as(name + ": " + layer.get("error")).isTrue();
            assertThat(layer.get("crs").asText()).as(name).isEqualTo("EPSG:4326");
            assertThat(layer.get("features").asInt()).as(name).isEqualTo(features.size()).isPositive();
            Set<String> properties = new LinkedHashSet<>();
            features.forEach(f -> f.get("properties").fieldNames().forEachRemaining(properties::add));
            List<String> fields = new ArrayList<>();
            layer.get("fields").forEach(f -> fields.add(f.asText()));
            assertThat(fields).as(name).containsAll(properties);
        }));
        assertThat(read.get(countriesGpkg + "=countries").get("fields")).extracting(JsonNode::asText)
            .contains("id", "code", "name_en");
    }

    private Path download(String path, String file) throws Exception {
        Path p = dir.resolve(file);
        HttpResponse<Path> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(ServerFixture.base() + path)).timeout(Duration.ofSeconds(300)).build(),
            HttpResponse.BodyHandlers.ofFile(p));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geopackage+sqlite3");
        return p;
    }
}

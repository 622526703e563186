package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.http.ServerFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QGIS (Debian python3-qgis 3.22, headless) adds the service's vector tiles as a {@code QgsVectorTileLayer}, styles
 * the {@code countries} tile layer and renders a map of Belarus and Lithuania in EPSG:3857
 * ({@code qgis_vector_tiles.py}); the pixels at Minsk, in Lithuania and on the Baltic Sea must have the colours the
 * style gives them: the tiles were fetched, decoded, their {@code code} attribute read and their polygons drawn
 * where they belong. Ways of loading them:
 * <ul>
 *   <li>{@code xyz}: the {@code /tiles/{z}/{x}/{y}.mvt} template, styled by a basic renderer (BLR, LTU, others);</li>
 *   <li>{@code ogc-as-xyz}: the OGC API - Tiles URL {@code /tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}}
 *   written with QGIS's placeholders ({@code {z}/{y}/{x}}), same renderer;</li>
 *   <li>{@code ogc-raw}: that template as published: QGIS 3.22 has no OGC API - Tiles client and calls an XYZ url
 *   without {@code {x}}, {@code {y}}, {@code {z}} invalid ({@code QgsVectorTileUtils::checkXYZUrlTemplate}); the
 *   test accepts that, and if a later QGIS accepts the template its map must be right;</li>
 *   <li>{@code mapbox-gl}: the service's {@code /tiles/style.json} converted by {@code QgsMapBoxGlStyleConverter}
 *   (3.22 ignores {@code "visibility": "none"}, so the script hides those layers as a client would).</li>
 * </ul>
 */
class QgisVectorTilesTest {
    private static final String BLR = "#cc3311";
    private static final String LTU = "#228833";
    private static final String WHITE = "#ffffff";

    @TempDir
    Path images;

    @Test
    void qgisRendersTheVectorTilesWithTheCountriesWhereTheyAre() throws Exception {
        Path python = ExternalTool.require("/usr/bin/python3");
        if (Processes.run(List.of(python.toString(), "-c", "import qgis.core"), Map.of(), 120).exitCode() != 0) {
            ExternalTool.missing("QGIS's Python bindings (Debian python3-qgis)");
        }
        List<String> cmd = List.of(python.toString(),
            Path.of("borderline-server/src/test/resources/clients/qgis_vector_tiles.py").toAbsolutePath().toString(),
            ServerFixture.base(), images.toString());
        Processes.Result r = Processes.run(cmd, Map.of("QT_QPA_PLATFORM", "offscreen", "XDG_RUNTIME_DIR", "/tmp"), 900)
            .requireSuccess(cmd);
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> ways = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode way = json.readTree(line);
                ways.put(way.get("name").asText(), way);
            }
        }
        assertThat(ways).containsOnlyKeys("xyz", "ogc-as-xyz", "ogc-raw", "mapbox-gl");

        assertDrawnWithTheBasicStyle(ways.get("xyz"));
        assertDrawnWithTheBasicStyle(ways.get("ogc-as-xyz"));
        JsonNode raw = ways.get("ogc-raw");
        if (raw.get("valid").asBoolean()) {
            assertDrawnWithTheBasicStyle(raw);
        } else {
            assertThat(raw.get("error").asText()).contains("{x}", "{z}");
        }

        JsonNode gl = ways.get("mapbox-gl");
        assertValid(gl);
        assertThat(gl.get("conversion").get("result").asInt()).as(gl.toString()).isZero(); // Success
        assertThat(gl.get("styles")).extracting(JsonNode::asText).contains("countries", "borders", "sites");
        assertExpectedColours(gl);
        JsonNode colours = gl.get("colours");
        assertThat(colours.get("minsk").asText()).as("Minsk drawn").isNotEqualTo(WHITE)
            .isNotEqualTo(colours.get("sea").asText()).isNotEqualTo(colours.get("lithuania").asText());
    }

    private static void assertDrawnWithTheBasicStyle(JsonNode way) {
        assertValid(way);
        assertThat(way.get("zmin").asInt()).isZero();
        assertThat(way.get("zmax").asInt()).isEqualTo(14);
        JsonNode colours = way.get("colours");
        assertThat(colours.get("background").asText()).isEqualTo(WHITE);
        assertThat(colours.get("minsk").asText()).as(way + ": Belarus drawn in its colour").isEqualTo(BLR);
        assertThat(colours.get("lithuania").asText()).as(way + ": Lithuania drawn in its colour").isEqualTo(LTU);
        assertThat(colours.get("sea").asText()).as(way + ": nothing drawn on the sea").isEqualTo(WHITE);
        assertExpectedColours(way);
    }

    private static void assertValid(JsonNode way) {
        assertThat(way.get("valid").asBoolean()).as(way.toString()).isTrue();
        assertThat(way.get("render_errors")).as(way.toString()).isEmpty();
    }

    private static void assertExpectedColours(JsonNode way) {
        way.get("expected").properties().forEach(e ->
            assertThat(way.get("colours").get(e.getKey()).asText()).as(way.get("name") + " " + e.getKey())
                .isEqualTo(e.getValue().asText()));
    }
}

package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.http.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * QGIS (Debian python3-qgis, headless) adds every collection as an OAPIF layer, iterates its features,
 * and counts what it read; the counts must equal the service's numberMatched.
 */
class QgisOapifTest {
    private static final List<String> COLLECTIONS =
        List.of("countries", "borders", "sites", "claims", "drones", "coverage-blr", "coverage-rus",
            "time-rings");

    private static final int COUNTRIES_READ = 12;

    @Test
    void qgisLoadsEveryCollectionWithTheServicesFeatureCounts() throws Exception {
        Path python = ExternalTool.require("/usr/bin/python3");
        if (Processes.run(List.of(python.toString(), "-c", "import qgis.core"), Map.of(), 120).exitCode() != 0) {
            ExternalTool.missing("QGIS's Python bindings (Debian python3-qgis)");
        }
        List<String> cmd = new ArrayList<>(List.of(python.toString(),
            Path.of("borderline-server/src/test/resources/clients/qgis_oapif.py").toAbsolutePath().toString(), ServerFixture.base()));
        // the world's countries: the first pages only (8.9 million vertices in all); every other collection whole
        cmd.addAll(COLLECTIONS.stream().map(c -> c.equals("countries") ? c + "@" + COUNTRIES_READ : c).toList());
        Processes.Result r = Processes.run(cmd, Map.of("QT_QPA_PLATFORM", "offscreen", "XDG_RUNTIME_DIR", "/tmp"), 900)
            .requireSuccess(cmd);
        ObjectMapper json = new ObjectMapper();
        List<String> seen = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode layer = json.readTree(line);
            String name = layer.get("name").asText();
            seen.add(name);
            assertThat(layer.get("valid").asBoolean()).as(name + ": " + layer.get("error")).isTrue();
            int served = json.readTree(ServerFixture.get("/collections/" + name + "/items?limit=1").body())
                .get("numberMatched").asInt();
            if (name.equals("countries")) {
                served = Math.min(served, COUNTRIES_READ);
            }
            assertThat(layer.get("features").asInt()).as(name).isEqualTo(served).isPositive();
        }
        assertThat(seen).containsExactlyElementsOf(COLLECTIONS);
    }
}

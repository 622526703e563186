package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.http.ServerFixture;
import io.borderline.tiles.WebMercator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GDAL 3.6's MVT driver opens a whole zoom level of the vector tiles over HTTP ({@code MVT:http://host/tiles/5}
 * with {@code TILE_EXTENSION=mvt}): it reads {@code /tiles/metadata.json} for the layers and bounds, fetches every
 * tile of the zoom level inside the bounds, and georeferences each feature from its tile's z/x/y.
 */
class GdalOgcTilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("CPL_DEBUG", "OFF", "GDAL_HTTP_TIMEOUT", "300");
    private static Path ogrinfo;

    @BeforeAll
    static void tools() {
        ogrinfo = ExternalTool.require("ogrinfo");
        String formats = Processes.run(List.of(ogrinfo.toString(), "--formats"), ENV, 120).stdout();
        if (!formats.contains("MVT")) {
            ExternalTool.missing("GDAL's MVT driver");
        }
    }

    private static String ogrinfo(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ogrinfo.toString(), "-ro"));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, ENV, 900).requireSuccess(cmd).stdout();
    }

    @Test
    void gdalOpensAWholeZoomLevelWithEveryLayerAndTheSitesAtTheirPositions() throws Exception {
        String url = "MVT:" + ServerFixture.base() + "/tiles/5";
        String summary = ogrinfo("-so", "-oo", "TILE_EXTENSION=mvt", url);
        assertThat(summary).contains("using driver `MVT'", ": countries", ": borders", ": sites", ": coverage");
        // every site of the published collection, at its Web Mercator position within one tile unit of zoom 5
        String sites = ogrinfo("-oo", "TILE_EXTENSION=mvt", url, "sites");
        JsonNode served = JSON.readTree(ServerFixture.get("/collections/sites/items?limit=1000").body());
        double unit = 2 * WebMercator.HALF_WORLD_M / (1 << 5) / 4096;
        int checked = 0;
        for (JsonNode f : served.get("features")) {
            String id = f.get("id").asText();
            Matcher m = Pattern.compile("\n  id \\(String\\) = " + Pattern.quote(id) + "\n(?:  [^\n]*\n)*?  POINT \\(([-\\d.e+]+) ([-\\d.e+]+)\\)")
                .matcher(sites);
            assertThat(m.find()).as(id).isTrue();
            double lon = f.get("geometry").get("coordinates").get(0).asDouble();
            double lat = f.get("geometry").get("coordinates").get(1).asDouble();
            assertThat(Double.parseDouble(m.group(1))).as(id).isCloseTo(WebMercator.x(lon), Offset.offset(unit));
            assertThat(Double.parseDouble(m.group(2))).as(id).isCloseTo(WebMercator.y(lat), Offset.offset(unit));
            checked++;
        }
        assertThat(checked).isEqualTo(served.get("numberMatched").asInt()).isPositive();
        String countries = ogrinfo("-oo", "TILE_EXTENSION=mvt", url, "countries", "-where", "code = 'LTU'");
        assertThat(countries).contains("code (String) = LTU", "MULTIPOLYGON");
    }
}

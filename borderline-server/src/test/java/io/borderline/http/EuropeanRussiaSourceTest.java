package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.EllipsoidalMeasure;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * {@code from=RUS-EU}: European Russia (west of 60° E, Kaliningrad included) as a coverage source, the same source
 * the published layer coverage-rus draws, accepted wherever a coverage source is, and offered by the web page
 * as its Russian source.
 */
class EuropeanRussiaSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(HttpResponse<String> r, String what) throws Exception {
        assertThat(r.statusCode()).as(what + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Geometry geometry(JsonNode feature) throws Exception {
        return new GeoJsonReader().read(feature.get("geometry").toString());
    }

    @Test
    void theCoverageFromRusEuIsThePublishedLayersFeature() throws Exception {
        JsonNode published = ok(ServerFixture.get("/collections/coverage-rus/items/lancet"), "layer");
        JsonNode coverage = ok(ServerFixture.get("/coverage?from=RUS-EU&drone=lancet"), "coverage");
        JsonNode ring = null;
        JsonNode source = null;
        for (JsonNode f : coverage.get("features")) {
            if (f.get("id").asText().equals("coverage")) {
                ring = f;
            } else if (f.get("id").asText().equals("source")) {
                source = f;
            }
        }
        assertThat(ring).isNotNull();
        assertThat(source.get("properties").get("kind").asText()).isEqualTo("region");
        assertThat(source.get("properties").get("ids").asText()).isEqualTo("RUS-EU");
        double layerM2 = EllipsoidalMeasure.areaM2(geometry(published));
        double requestedM2 = EllipsoidalMeasure.areaM2(geometry(ring));
        assertThat(requestedM2).isCloseTo(layerM2, org.assertj.core.data.Percentage.withPercentage(0.1));
        // European Russia and Kaliningrad: millions of km², nothing east of the window plus the range
        assertThat(layerM2 / 1e6).isBetween(3.5e6, 6e6);
        assertThat(geometry(ring).getEnvelopeInternal().getMaxX()).isLessThan(63); // 40 km east of 60° E at 82° N is 62.6° E
        assertThat(geometry(ring).getEnvelopeInternal().getMinX()).isLessThan(19.5); // Kaliningrad's coast
    }

    @Test
    void everyCoverageRouteTakesItWhereRussiaWholeIsRefused() throws Exception {
        // Russia whole at 5 km: refused by its estimate (about 19 s of a 15 s limit)
        HttpResponse<String> whole = ServerFixture.get("/coverage/stats?from=RUS&range_km=5");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(422);
        JsonNode stats = ok(ServerFixture.get("/coverage/stats?from=rus-eu&drone=lancet"), "stats");
        List<String> codes = new ArrayList<>();
        stats.get("stats").get("countries").forEach(c -> codes.add(c.get("code").asText()));
        assertThat(codes).contains("RUS", "EST", "LVA", "BLR", "UKR").doesNotContain("JPN", "USA", "CHN");
        HttpResponse<String> map = ServerFixture.get("/maps/coverage.svg?from=RUS-EU&drone=lancet&width=640&height=360");
        assertThat(map.statusCode()).as(map.body()).isEqualTo(200);
        assertThat(map.body()).contains("European Russia");
        HttpResponse<String> process = ProcessCalls.execute("coverage",
            "{\"inputs\":{\"from\":\"RUS-EU\",\"drone\":\"lancet\"}}", false);
        assertThat(ok(process, "process").get("type").asText()).isEqualTo("FeatureCollection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/coverage?from=RUS-EU,BLR&range_km=30", "/coverage?from=RUS-XX&range_km=30",
        "/coverage/stats?from=EU&range_km=30"})
    void aRegionWithOthersOrAnUnknownIdIsA400NamingFrom(String url) throws Exception {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("parameter").asText()).isEqualTo("from");
        assertThat(problem.get("allowed").asText()).contains("RUS-EU");
    }

    /** The page offers European Russia as its Russian source, first of the three; every value is a known source. */
    @Test
    void theWebPageOffersEuropeanRussiaFirstOfTheRussianSources() throws Exception {
        String html = ServerFixture.get("/?f=html").body();
        Matcher select = Pattern.compile("(?s)<select id=\"source\">(.*?)</select>").matcher(html);
        assertThat(select.find()).isTrue();
        List<String> values = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\"").matcher(select.group(1));
        while (option.find()) {
            values.add(option.group(1));
        }
        assertThat(values).containsSubsequence("BLR", "RUS-EU", "RUS-KGD", "RUS");
        for (String v : values) {
            if (!v.equals("here")) { // what from= accepts: a country code or a region
                assertThat(io.borderline.data.CountryCode.parse(v).isPresent()
                    || io.borderline.coverage.SourceRegion.parse(v).isPresent()).as(v).isTrue();
            }
        }
    }
}

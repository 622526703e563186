package io.borderline.http;

import io.borderline.briefing.SlideText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.render.InRangeText;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.Test;

/**
 * {@code /briefing.pptx} takes the coverage map's parameters (source, range, drone, mode) and {@code claims=none}:
 * the deck, opened with Apache POI, has the slides and titles those parameters ask for.
 */
class BriefingParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCustomRangeBeyondTheSourceWithoutClaimsIsTitledSoAndHasNoClaimSlides() throws Exception {
        List<XSLFSlide> slides = deck("/briefing.pptx?from=BLR&range_km=300&mode=beyond&claims=none");
        try {
            List<String> texts = slides.stream().map(SlideText::of).toList();
            assertThat(texts).hasSize(3); // title, coverage, sources: no claim or warning-time slides
            String title = "Within 300 km of Belarus, beyond its own territory";
            assertThat(texts.get(0)).contains(title).doesNotContain("cited distance claims");
            assertThat(texts.get(1)).contains(title);
            assertThat(String.join("\n", texts)).doesNotContain("Verdict", "Warning time", "Claims:");
            // the totals slide says both figures, as the stats answer counts them
            JsonNode stats = JSON.readTree(ServerFixture.get("/coverage/stats?from=BLR&range_km=300&mode=beyond")
                .body()).get("stats");
            assertThat(texts.get(1)).contains(InRangeText.population(io.borderline.json.Json.MAPPER.treeToValue(stats,
                io.borderline.analysis.CoverageStats.class)));
        } finally {
            slides.get(0).getSlideShow().close();
        }
    }

    @Test
    void droneRingsFromASiteWithTheClaimsKeepEveryClaimSlide() throws Exception {
        List<XSLFSlide> slides = deck("/briefing.pptx?site=lida-airbase&drone=lancet,molniya");
        try {
            List<String> texts = slides.stream().map(SlideText::of).toList();
            assertThat(texts).hasSize(7);
            assertThat(texts.get(1)).contains("Vilnius", "Verdict");
            assertThat(texts.get(4)).contains("Within 30 and 40 km of Lida air base");
            assertThat(texts.get(6)).contains("Drone range: ZALA Lancet-3", "Drone range: Molniya");
        } finally {
            slides.get(0).getSlideShow().close();
        }
    }

    @Test
    void theDeckRefusesWhatTheCoverageMapRefuses() {
        for (String url : List.of("/briefing.pptx?claims=some", "/briefing.pptx?drone=lancet&range_km=30",
            "/briefing.pptx?border=BLR-LTU&mode=beyond", "/briefing.pptx?range_km=0.5", "/briefing.pptx?width=640")) {
            HttpResponse<String> r = ServerFixture.get(url);
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    private static List<XSLFSlide> deck(String url) throws Exception {
        HttpResponse<byte[]> r = VectorTilesApiTest.get(url, Map.of());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(r.body()));
        return new ArrayList<>(ppt.getSlides());
    }
}

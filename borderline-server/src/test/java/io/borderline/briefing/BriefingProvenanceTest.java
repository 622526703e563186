package io.borderline.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.Test;

/** The deck attributes the quote as the data does and names the verdict tolerance as such. */
class BriefingProvenanceTest {

    @Test
    void sourcesSlideAttributesTheQuoteToItsSpeakerAndReport() throws Exception {
        String sources = texts().stream().filter(t -> t.startsWith("Sources and method")).findFirst().orElseThrow();
        assertThat(sources).contains("Oleh Dunda", "Verkhovna Rada",
            "The War's Expansion: Belarus as a Launchpad for Attacks on NATO States",
            "The War Will End Once Belarus Is Liberated", "24.01.2025, 14:17", "URL not known");
        assertThat(sources).doesNotContain("product brief");
    }

    @Test
    void claimSlidesSayVerdictToleranceAndStateTheMeasurementAccuracyApart() throws Exception {
        List<String> slides = texts();
        for (int i = 1; i <= 3; i++) {
            assertThat(slides.get(i)).contains("verdict tolerance max(0.5 km, 10 % of the claim)", "within 1 m",
                "Oleh Dunda").doesNotContain("accurate within");
        }
    }

    private static List<String> texts() throws Exception {
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(BriefingFixture.PPTX))) {
            return ppt.getSlides().stream().map(SlideText::of).toList();
        }
    }
}

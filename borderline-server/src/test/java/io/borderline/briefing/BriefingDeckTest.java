package io.borderline.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.junit.jupiter.api.Test;

/** The deck read back with POI: slides, editable text, the exposure table and the pictures. */
class BriefingDeckTest {

    @Test
    void deckHasTitleClaimCoverageAndSourcesSlidesWithEditableText() throws Exception {
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(BriefingFixture.PPTX))) {
            assertThat(ppt.getPageSize()).isEqualTo(BriefingDeck.SLIDE);
            List<XSLFSlide> slides = ppt.getSlides();
            assertThat(slides).hasSize(7);
            assertThat(SlideText.of(slides.get(0))).contains("How far from the border?");
            assertThat(SlideText.of(slides.get(1))).contains("Vilnius is 29.1 km from Belarus, not 20 km as claimed",
                "Verdict: understated", "Method: geodesic on WGS84");
            assertThat(SlideText.of(slides.get(2))).contains("Daugavpils", "Verdict: overstated");
            assertThat(SlideText.of(slides.get(3))).contains("Narva", "Verdict: accurate",
                "ne10m, nearest territory: inside (0 km)").doesNotContain("0.00 km");
            // both totals, never one "in range" figure that counts Belarus's own people as exposed
            assertThat(SlideText.of(slides.get(4))).contains("people beyond the source", "including the source",
                "of land beyond the source");
            assertThat(SlideText.of(slides.get(4))).contains("Within 40 km (ZALA Lancet-3 loitering munition) of Belarus");
            // 29.057 km from Belarus at the Shahed-136's cited 170 / 190 km/h: 10.3 / 9.2 min
            assertThat(SlideText.of(slides.get(5))).contains("Warning time", "straight-line lower bound");
            XSLFTable minutes = slides.get(5).getShapes().stream().filter(s -> s instanceof XSLFTable)
                .map(s -> (XSLFTable) s).findFirst().orElseThrow();
            assertThat(minutes.getCell(0, 1).getText()).startsWith("Vilnius from Belarus");
            boolean shahed = false;
            for (int r = 1; r < minutes.getNumberOfRows(); r++) {
                if (minutes.getCell(r, 0).getText().startsWith("Shahed-136")) {
                    assertThat(minutes.getCell(r, 1).getText()).isEqualTo("10.3 / 9.2 min");
                    shahed = true;
                }
            }
            assertThat(shahed).isTrue();
            assertThat(SlideText.of(slides.get(6))).contains("© OpenStreetMap contributors", "GeoNames", "Natural Earth");
            XSLFTable table = slides.get(4).getShapes().stream().filter(s -> s instanceof XSLFTable)
                .map(s -> (XSLFTable) s).findFirst().orElseThrow();
            assertThat(table.getCell(0, 0).getText()).isEqualTo("Country");
            List<String> countries = new ArrayList<>();
            for (int r = 1; r < table.getNumberOfRows(); r++) {
                countries.add(table.getCell(r, 0).getText());
            }
            assertThat(countries).contains("Belarus", "Lithuania", "Latvia", "Poland", "Ukraine", "Russia");
            for (int i = 1; i <= 4; i++) {
                XSLFPictureShape pic = slides.get(i).getShapes().stream().filter(s -> s instanceof XSLFPictureShape)
                    .map(s -> (XSLFPictureShape) s).findFirst().orElseThrow();
                assertThat(pic.getAnchor()).isEqualTo(BriefingDeck.MAP_ANCHOR);
                var size = pic.getPictureData().getImageDimensionInPixels();
                // high resolution: the picture's pixels over its size on the slide
                assertThat(size.getWidth() / (BriefingDeck.MAP_ANCHOR.getWidth() / 72)).isGreaterThan(190);
            }
        }
    }
}

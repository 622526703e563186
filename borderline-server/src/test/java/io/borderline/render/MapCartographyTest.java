package io.borderline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.briefing.BriefingDeck;
import io.borderline.data.BoundaryFile;
import io.borderline.data.Claim;
import io.borderline.data.CountryCode;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** The cartography of the maps, read from the SVG's text (what a reader sees), not from pixels. */
class MapCartographyTest {
    private static MapComposer composer;
    private static MapWriter writer;
    private static CoverageService coverages;
    private static MapContent blr300;
    private static List<String> blr300Texts;

    @BeforeAll
    static void setUp() {
        composer = new MapComposer(TestData.get());
        writer = new MapWriter(new MapRenderer());
        coverages = new CoverageService(TestData.get(), BoundaryFile.FACTORY);
        CoverageRequest req = new CoverageRequest("osm10m", "country", List.of("BLR"), 300, null, false);
        blr300 = composer.coverage(req, List.of(new MapComposer.RingSpec(300, null, coverages.coverage(req))));
        blr300Texts = SvgText.texts(writer.svg(blr300, MapRenderer.Page.slide()));
    }

    @Test
    void theSubtitleListsTheTerritoriesWhollyInRangeAndWrapsBetweenWords() {
        MapRenderer.Page page = MapRenderer.Page.slide();
        List<String> lines = MapRenderer.subtitleLines(blr300, page);
        assertThat(lines).hasSizeBetween(2, MapRenderer.MAX_SUBTITLE_LINES);
        // drawn as they were wrapped, and together they are the whole subtitle: no word cut, nothing left out
        assertThat(blr300Texts).containsSubsequence(lines);
        assertThat(String.join(" ", lines)).isEqualTo(blr300.subtitle());
        assertThat(blr300.subtitle()).contains("Lithuania 100 %", "Kaliningrad exclave (Russia) 100 %",
            "Latvia", "Poland");
        // each line fits the frame
        double u = page.unit();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String line : lines) {
            assertThat(Fonts.regular(MapRenderer.SUBTITLE_PT * u).getStringBounds(line, frc).getWidth())
                .isLessThanOrEqualTo(page.widthPx() - 24 * u);
        }
    }

    @Test
    void aSubtitleTooLongForThreeLinesEndsAfterAWholeWord() {
        String words = "Lithuania Latvia Estonia Poland Ukraine Belarus Kaliningrad ".repeat(40).trim();
        MapContent longOne = new MapContent(blr300.title(), words, blr300.dataset(), blr300.emphasis(),
            blr300.extent(), blr300.centre(), blr300.rings(), blr300.lines(), blr300.points(), blr300.legend(),
            blr300.credits());
        List<String> lines = MapRenderer.subtitleLines(longOne, MapRenderer.Page.slide());
        assertThat(lines).hasSize(MapRenderer.MAX_SUBTITLE_LINES);
        String last = lines.get(lines.size() - 1);
        assertThat(last).endsWith(" …");
        for (String w : String.join(" ", lines).replace(" …", "").split(" ")) {
            assertThat(List.of("Lithuania", "Latvia", "Estonia", "Poland", "Ukraine", "Belarus", "Kaliningrad"))
                .as("a whole word").contains(w);
        }
    }

    @Test
    void countryNamesAndTheLegendOfCapitalsCrossingsAndMaritimeBoundariesAreOnThe300KmMap() {
        assertThat(blr300Texts).contains("LITHUANIA", "LATVIA", "BELARUS", "POLAND", "UKRAINE");
        assertThat(blr300Texts).contains("Capital", "City or town", "Border crossing", "International border",
            "Maritime boundary (territorial sea, 12 nmi)");
        // on the deck's picture, which shows more of the north, Estonia is named too
        List<String> deck = SvgText.texts(writer.svg(blr300, BriefingDeck.mapPage()));
        assertThat(deck).contains("LITHUANIA", "ESTONIA", "BELARUS");
    }

    /**
     * On the claims overview, Tallinn lies in the frame but outside the claims' own extent: places are looked for
     * in the whole frame, and capitals are labelled (drawn) before larger or smaller towns such as Tartu.
     */
    @Test
    void capitalsAreLabelledBeforeOtherTowns() {
        List<String> texts = SvgText.texts(writer.svg(composer.claims(allClaims(), "osm10m"),
            MapRenderer.Page.slide()));
        assertThat(texts).contains("Riga", "Tallinn", "Tartu", "Capital", "City or town");
        assertThat(texts.indexOf("Riga")).isLessThan(texts.indexOf("Tartu"));
        assertThat(texts.indexOf("Tallinn")).isLessThan(texts.indexOf("Tartu"));
    }

    private static List<MapComposer.ClaimSpec> allClaims() {
        ClaimChecker checker = new ClaimChecker(TestData.get(), new DistanceService());
        List<MapComposer.ClaimSpec> specs = new ArrayList<>();
        for (Claim c : TestData.get().claims().values()) {
            specs.add(new MapComposer.ClaimSpec(c, checker.check(c)));
        }
        return specs;
    }

    @Test
    void titlesAndLegendsNameTheDroneClassNotItsId() {
        CoverageRequest req = new CoverageRequest("osm10m", "country", List.of("BLR"), 40, "lancet", false);
        MapContent m = composer.coverage(req, List.of(new MapComposer.RingSpec(40, "lancet", coverages.coverage(req))));
        List<String> texts = SvgText.texts(writer.svg(m, MapRenderer.Page.slide()));
        assertThat(texts).contains("Within 40 km (ZALA Lancet-3 loitering munition) of Belarus");
        assertThat(String.join("\n", texts)).doesNotContain("(lancet)");
    }

    @Test
    void theClaimsMapNamesPolandAndAPlaceInsideTheTargetSaysInside() {
        List<MapComposer.ClaimSpec> specs = allClaims();
        assertThat(SvgText.texts(writer.svg(composer.claims(specs, "osm10m"), MapRenderer.Page.slide())))
            .contains("POLAND", "LITHUANIA", "BELARUS", "ESTONIA", "Maritime boundary (territorial sea, 12 nmi)");
        // Natural Earth puts Narva's centre inside Russia: 0 km, which the map explains
        MapComposer.ClaimSpec narva = specs.stream().filter(s -> s.claim().id().equals("narva-rus")).findFirst()
            .orElseThrow();
        assertThat(MapComposer.measurement(narva.check(), "ne10m").placeInsideTarget()).isTrue();
        String svg = SvgText.joined(writer.svg(composer.claims(List.of(narva), "ne10m"), BriefingDeck.mapPage()));
        assertThat(svg).contains("measured inside, ").doesNotContain("0.00 km");
        var nearestTerritory = narva.check().measurements().stream().filter(m -> m.dataset().equals("ne10m")
            && m.definition().equals("nearest_territory")).findFirst().orElseThrow();
        assertThat(nearestTerritory.measuredKm()).isZero();
        assertThat(MapComposer.measuredText(nearestTerritory)).isEqualTo("inside (0 km)");
        assertThat(composer.claims(List.of(narva), "ne10m").title()).startsWith("Narva lies inside Russia");
    }

    /**
     * The OSM land polygons around Vilnius hold hundreds of lakes cut to 3 to 5 vertices upstream (drawn, they
     * are the triangular shards of the claim slides); the map leaves them out and keeps the real lakes.
     */
    @Test
    void lakesReducedToTrianglesInTheDataAreNotDrawn() {
        Geometry land = TestData.get().dataset("osm10m").territory(CountryCode.LTU).land();
        Envelope around = new Envelope(24.6, 26.0, 54.3, 55.1);
        int shards = 0;
        int lakes = 0;
        for (int i = 0; i < land.getNumGeometries(); i++) {
            Polygon p = (Polygon) land.getGeometryN(i);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                if (around.contains(p.getInteriorRingN(h).getEnvelopeInternal())) {
                    if (org.locationtech.jts.geom.CoordinateArrays.removeRepeatedPoints(p.getInteriorRingN(h)
                        .getCoordinates()).length < MapRenderer.MIN_LAKE_POINTS) {
                        shards++;
                    } else {
                        lakes++;
                    }
                }
            }
        }
        assertThat(shards).as("lakes of 3 to 5 vertices in the data").isGreaterThan(50);
        Geometry drawn = MapRenderer.visible(land, around, 0);
        int drawnLakes = 0;
        for (int i = 0; i < drawn.getNumGeometries(); i++) {
            Polygon p = (Polygon) drawn.getGeometryN(i);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                if (around.contains(p.getInteriorRingN(h).getEnvelopeInternal())) { // (not cut by the bounds)
                    assertThat(p.getInteriorRingN(h).getNumPoints()).isGreaterThanOrEqualTo(MapRenderer.MIN_LAKE_POINTS);
                    drawnLakes++;
                }
            }
        }
        assertThat(drawnLakes).as("the real lakes stay").isPositive();
        assertThat(lakes).isPositive();
    }
}

package io.borderline.briefing;

import io.borderline.TestData;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BoundaryFile;
import io.borderline.data.Claim;
import io.borderline.data.DroneClass;
import io.borderline.render.MapComposer;
import io.borderline.render.MapRenderer;
import io.borderline.render.MapWriter;
import java.util.ArrayList;
import java.util.List;

/** The deck the briefing tests read: all claims and the Lancet coverage from Belarus, built once. */
final class BriefingFixture {
    static final MapWriter WRITER = new MapWriter(new MapRenderer());
    static final BriefingDeck DECK = new BriefingDeck(TestData.get(), new MapComposer(TestData.get()), WRITER);
    static final BriefingDeck.CoverageInput COVERAGE;
    static final byte[] PPTX;

    static {
        DroneClass lancet = TestData.get().drones().get("lancet");
        CoverageRequest req = new CoverageRequest("osm10m", "country", List.of("BLR"), lancet.rangeKm(), "lancet", false);
        COVERAGE = new BriefingDeck.CoverageInput(req, List.of(new MapComposer.RingSpec(lancet.rangeKm(), lancet.id(),
            new CoverageService(TestData.get(), BoundaryFile.FACTORY).coverage(req))));
        ClaimChecker checker = new ClaimChecker(TestData.get(), new DistanceService());
        List<MapComposer.ClaimSpec> claims = new ArrayList<>();
        for (Claim c : TestData.get().claims().values()) {
            claims.add(new MapComposer.ClaimSpec(c, checker.check(c)));
        }
        PPTX = DECK.build(claims, COVERAGE, "osm10m");
    }

    private BriefingFixture() {}
}

package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts are computed from the data and the stated tolerance, never stored. */
class ClaimCheckerTest {
    private final ClaimChecker checker = new ClaimChecker(TestData.get(), new DistanceService());

    @Test
    void verdictFollowsTheToleranceBand() {
        assertThat(ClaimChecker.measure("d", "x", 29_000, 20, 2, 0, 0, null, false).verdict()).isEqualTo("understated");
        assertThat(ClaimChecker.measure("d", "x", 21_000, 30, 3, 0, 0, null, false).verdict()).isEqualTo("overstated");
        assertThat(ClaimChecker.measure("d", "x", 21_900, 20, 2, 0, 0, null, false).verdict()).isEqualTo("accurate");
        assertThat(ClaimChecker.measure("d", "x", 0, 1, 0.5, 0, 0, null, true).differencePercent()).isNull();
    }

    @Test
    void everyClaimIsMeasuredOnBothDatasetsAndBothDefinitions() {
        for (Claim c : TestData.get().claims().values()) {
            ClaimCheck check = checker.check(c);
            assertThat(check.verdictToleranceKm()).isEqualTo(Math.max(0.5, 0.1 * c.claimedKm()));
            List<String> keys = check.measurements().stream().map(m -> m.dataset() + "/" + m.definition()).toList();
            assertThat(keys).containsExactlyInAnyOrder("osm10m/political_boundary", "osm10m/nearest_territory",
                "ne10m/political_boundary", "ne10m/nearest_territory");
            for (ClaimCheck.Measurement m : check.measurements()) {
                assertThat(m.differenceKm()).isCloseTo(c.claimedKm() - m.measuredKm(), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @Test
    void narvaIsInsideRussiaInNaturalEarthButNotInOsm() {
        ClaimCheck narva = checker.check(TestData.get().claims().get("narva-rus"));
        for (ClaimCheck.Measurement m : narva.measurements()) {
            assertThat(m.placeInsideTarget()).isEqualTo(m.dataset().equals("ne10m"));
        }
    }
}

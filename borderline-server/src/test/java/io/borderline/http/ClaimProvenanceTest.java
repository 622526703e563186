package io.borderline.http;

import static io.borderline.http.ClaimCheckApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every answer about the cited claims attributes the quote and separates the verdict tolerance from accuracy. */
class ClaimProvenanceTest {

    @Test
    void claimsAnswerAttributesTheQuoteAndLeavesTheUnknownUrlEmpty() {
        JsonNode claims = ok("/claims").get("claims");
        assertThat(claims).hasSize(3);
        for (JsonNode c : claims) {
            assertThat(c.get("speaker").asText()).isEqualTo("Oleh Dunda");
            assertThat(c.get("speaker_role").asText()).contains("Verkhovna Rada");
            assertThat(c.get("event").asText()).contains("The War's Expansion: Belarus as a Launchpad for Attacks on"
                + " NATO States").contains("International Center for Countering Russian Aggression");
            assertThat(c.get("source").asText()).contains("The War Will End Once Belarus Is Liberated");
            assertThat(c.get("published").asText()).isEqualTo("24.01.2025, 14:17");
            assertThat(c.get("date").asText()).isEqualTo("2025-01-24");
            assertThat(c.get("source_url").isNull()).isTrue();
        }
        JsonNode feature = ok("/collections/claims/items/narva-rus");
        assertThat(feature.at("/properties/speaker").asText()).isEqualTo("Oleh Dunda");
        assertThat(feature.at("/properties/published").asText()).isEqualTo("24.01.2025, 14:17");
    }

    @Test
    void verdictToleranceIsNamedAsSuchAndTheMeasurementAccuracyIsStatedApart() {
        JsonNode check = ok("/claims/vilnius-blr").get("check");
        assertThat(check.has("tolerance_km")).isFalse();
        assertThat(check.get("verdict_tolerance_km").asDouble()).isEqualTo(2.0);
        assertThat(check.get("verdict_tolerance_rule").asText()).startsWith("verdict tolerance max(0.5 km, 10 %")
            .contains("not how accurate the measurement is");
        assertThat(check.get("measurement_accuracy_m").asDouble()).isEqualTo(1.0);
        assertThat(check.get("measurement_accuracy").asText()).contains("within 1 m").contains("resolution");
        assertThat(ok("/collections/claims/items/vilnius-blr").at("/properties/verdict_tolerance_km").asDouble())
            .isEqualTo(2.0);
    }
}

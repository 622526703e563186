package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Helsinki, the first example: the world's border, both lines, and honesty where a dataset is partial. */
class WorldDistanceApiTest {
    private static final double LAT = 60.1699;
    private static final double LON = 24.9384;

    @Test
    void helsinkiOnTheWorldDatasetMeasuresToTheFinlandRussiaLandBorder() {
        Dataset ne = TestData.get().dataset("ne10m");
        for (String line : new String[] {"political", "land"}) {
            JsonNode r = ClaimCheckApiTest.ok("/distance?lat=" + LAT + "&lon=" + LON + "&to=RUS&dataset=ne10m&border=" + line);
            assertThat(r.get("border_line").asText()).isEqualTo(line);
            assertThat(r.has("warnings")).as(r.toString()).isFalse();
            JsonNode border = r.at("/result/border");
            assertThat(border.get("border_id").asText()).isEqualTo("FIN-RUS");
            assertThat(border.get("distance_m").asDouble())
                .isCloseTo(new BruteForce(rusBorder(ne, BorderLine.parse(line).orElseThrow())).distance(LAT, LON), Offset.offset(1.0));
            assertThat(r.at("/result/in_states").toString()).contains("FIN");
        }
        assertThat(ClaimCheckApiTest.ok("/distance?lat=" + LAT + "&lon=" + LON + "&to=FIN&dataset=ne10m").at("/result/inside")
            .asBoolean()).isTrue();
    }

    @Test
    void aDatasetThatDrawsOnlyPartOfTheBorderSaysSo() {
        JsonNode r = ClaimCheckApiTest.ok("/distance?lat=" + LAT + "&lon=" + LON + "&to=RUS&dataset=osm10m");
        if (TestData.get().dataset("osm10m").has(CountryCode.FIN)) {
            assertThat(r.has("warnings")).as("osm10m draws the world: no warning").isFalse();
            return;
        }
        assertThat(r.get("warnings")).hasSize(1);
        assertThat(r.get("warnings").get(0).asText()).contains("FIN").contains("dataset=ne10m");
        JsonNode several = ClaimCheckApiTest.ok("/distance?lat=" + LAT + "&lon=" + LON + "&to=RUS,EST&dataset=osm10m");
        assertThat(several.get("warnings")).hasSize(1); // Estonia's neighbours are all drawn
    }

    private static Geometry rusBorder(Dataset ds, BorderLine line) {
        return ds.borders().stream().filter(b -> b.bounds(CountryCode.RUS)).map(b -> b.line(line))
            .filter(g -> !g.isEmpty()).reduce(Geometry::union).orElseThrow();
    }
}

package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.geodesy.EllipsoidalMeasure;
import java.util.Iterator;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * {@code /coverage} as GIS clients read it: flat properties (columns), the nested statistics as a foreign
 * member equal to {@code /coverage/stats}, totals beyond and including the source, and a source feature
 * with a real geometry (a country's territory, simplified within the tolerance).
 */
class CoverageGeoJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCoverageFeatureHasFlatColumnsAndTheNestedStatsAsAForeignMember() throws Exception {
        JsonNode fc = JSON.readTree(ServerFixture.get("/coverage?from=BLR&range_km=30").body());
        JsonNode coverage = fc.get("features").get(0);
        JsonNode props = coverage.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().isContainerNode()).as(e.getKey() + " is one value").isFalse();
        }
        JsonNode stats = JSON.readTree(ServerFixture.get("/coverage/stats?from=BLR&range_km=30").body()).get("stats");
        assertThat(coverage.get("stats")).isEqualTo(stats);
        assertThat(props.get("name").asText()).isEqualTo("Within 30 km of Belarus");
        assertThat(props.get("source_ids").asText()).isEqualTo("BLR");
        double blr = 0;
        double all = 0;
        for (JsonNode c : stats.get("countries")) {
            String column = c.get("code").asText().replace('-', '_');
            assertThat(props.get(column + "_share_percent").asDouble()).isEqualTo(c.get("share_percent").asDouble());
            if (c.get("code").asText().equals("BLR")) {
                blr = c.get("area_in_range_km2").asDouble();
            }
            if (!c.get("code").asText().equals("RUS-KGD")) {
                all += c.get("area_in_range_km2").asDouble();
            }
        }
        assertThat(props.get("land_in_range_including_source_km2").asDouble()).isCloseTo(all, Offset.offset(0.1));
        assertThat(props.get("land_in_range_beyond_source_km2").asDouble()).isCloseTo(all - blr, Offset.offset(0.1));
        long population = stats.get("places").get("population").asLong();
        assertThat(props.get("population_in_range_including_source").asLong()).isEqualTo(population);
        // the part inside Belarus is recounted from the places in InRangeTotalsTest
        assertThat(props.get("population_in_range_beyond_source").asLong())
            .isEqualTo(stats.get("beyond_source").get("population").asLong()).isLessThan(population);
    }

    @Test
    void aCountrySourceHasItsTerritoryAsGeometry() throws Exception {
        JsonNode fc = JSON.readTree(ServerFixture.get("/coverage?from=LTU&range_km=20").body());
        JsonNode source = fc.get("features").get(1);
        assertThat(source.get("id").asText()).isEqualTo("source");
        assertThat(source.get("properties").get("name").asText()).isEqualTo("Lithuania");
        Geometry g = new GeoJsonReader().read(source.get("geometry").toString());
        assertThat(g.getDimension()).isEqualTo(2);
        assertThat(g.isValid()).isTrue();
        double areaKm2 = 0;
        for (JsonNode c : JSON.readTree(ServerFixture.get("/countries").body()).get("countries")) {
            if (c.get("code").asText().equals("LTU")) {
                areaKm2 = c.get("area_km2").asDouble();
            }
        }
        // simplified within the tolerance (tens of metres): the ellipsoidal area stays within 0.1 %
        assertThat(EllipsoidalMeasure.areaM2(g) / 1e6).isCloseTo(areaKm2, Percentage.withPercentage(0.1));
    }
}

package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.Place;
import io.borderline.render.InRangeText;
import io.borderline.render.SvgText;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Land and population totals in range, "beyond the source" and "including the source", on real numbers: the
 * difference is what lies inside the source country, recounted here from the GeoNames places and the
 * territory, and the same two figures reach the stats answer, the GeoJSON columns, the map and the web text.
 */
class InRangeTotalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void belarusAt40KmIncludingMinusBeyondIsThePopulationOfPlacesInsideBelarusInRange() throws Exception {
        JsonNode fc = JSON.readTree(ServerFixture.get("/coverage?from=BLR&range_km=40").body());
        JsonNode coverage = fc.get("features").get(0);
        JsonNode stats = coverage.get("stats");
        Geometry cover = new GeoJsonReader(new GeometryFactory()).read(coverage.get("geometry").toString());
        PreparedGeometry inRange = PreparedGeometryFactory.prepare(cover);
        PreparedGeometry belarus = PreparedGeometryFactory.prepare(
            TestData.get().dataset("osm10m").territory(CountryCode.BLR).land());
        GeometryFactory f = new GeometryFactory();
        long inBelarus = 0;
        long all = 0;
        int placesInBelarus = 0;
        for (Place p : TestData.get().places()) {
            var pt = f.createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat()));
            if (inRange.covers(pt)) {
                all += p.population();
                if (belarus.covers(pt)) {
                    inBelarus += p.population();
                    placesInBelarus++;
                }
            }
        }
        JsonNode beyond = stats.get("beyond_source");
        JsonNode including = stats.get("including_source");
        assertThat(stats.get("source_states")).hasSize(1);
        assertThat(stats.get("source_states").get(0).asText()).isEqualTo("BLR");
        assertThat(including.get("population").asLong()).isEqualTo(all);
        assertThat(including.get("population").asLong() - beyond.get("population").asLong()).isEqualTo(inBelarus);
        assertThat(including.get("places").asInt() - beyond.get("places").asInt()).isEqualTo(placesInBelarus);
        assertThat(inBelarus).as("Belarus's own people are most of it").isGreaterThan(5_000_000);
        assertThat(beyond.get("population").asLong()).isGreaterThan(1_000_000);

        // land: the difference is Belarus's own area in range (all of it), and every other territory sums up
        double blr = 0;
        double others = 0;
        for (JsonNode c : stats.get("countries")) {
            String code = c.get("code").asText();
            if (code.equals("BLR")) {
                blr = c.get("area_in_range_km2").asDouble();
            } else if (!code.equals("RUS-KGD")) {
                others += c.get("area_in_range_km2").asDouble();
            }
        }
        assertThat(including.get("land_area_km2").asDouble() - beyond.get("land_area_km2").asDouble())
            .isCloseTo(blr, Offset.offset(0.2));
        assertThat(beyond.get("land_area_km2").asDouble()).isCloseTo(others, Offset.offset(0.2));

        // the flat GeoJSON columns carry the same two figures
        JsonNode props = coverage.get("properties");
        assertThat(props.get("population_in_range_beyond_source").asLong()).isEqualTo(beyond.get("population").asLong());
        assertThat(props.get("population_in_range_including_source").asLong()).isEqualTo(all);
        assertThat(props.get("source_states").asText()).isEqualTo("BLR");

        // and the map says both, in words
        String svg = ServerFixture.get("/maps/coverage.svg?from=BLR&range_km=40").body();
        String people = InRangeText.people(beyond.get("population").asLong()) + " people beyond the source, "
            + InRangeText.people(all) + " including the source";
        assertThat(SvgText.joined(svg)).contains(people);
    }

    @Test
    void aBorderSourceHasNoTerritoryOfItsOwnSoBothTotalsAgree() throws Exception {
        JsonNode stats = JSON.readTree(ServerFixture.get("/coverage/stats?border=BLR-LTU&range_km=10").body())
            .get("stats");
        assertThat(stats.get("source_states")).isEmpty();
        assertThat(stats.get("beyond_source")).isEqualTo(stats.get("including_source"));
        assertThat(stats.get("including_source").get("population").asLong()).isPositive();
    }

    @Test
    void modeBeyondLeavesNothingOfTheSourceToSubtract() throws Exception {
        JsonNode stats = JSON.readTree(ServerFixture.get("/coverage/stats?from=BLR&range_km=40&mode=beyond").body())
            .get("stats");
        assertThat(stats.get("beyond_source")).isEqualTo(stats.get("including_source"));
        JsonNode full = JSON.readTree(ServerFixture.get("/coverage/stats?from=BLR&range_km=40").body()).get("stats");
        assertThat(stats.get("beyond_source").get("population").asLong())
            .isEqualTo(full.get("beyond_source").get("population").asLong());
    }
}

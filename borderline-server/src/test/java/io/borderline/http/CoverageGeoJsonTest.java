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

    @Test
    void aBorderSourceOnItsLandLineLeavesTheSeaLineOut() throws Exception {
        io.borderline.data.Border border = io.borderline.TestData.get().dataset("osm10m").border("EST-RUS").orElseThrow();
        Geometry landLine = border.line(io.borderline.data.BorderLine.LAND);
        assertThat(border.seaPart()).as("EST-RUS runs out to sea in osm10m").isNotNull();
        double r = 10_000;
        JsonNode fc = JSON.readTree(ServerFixture.get("/coverage?border=EST-RUS&range_km=10&border_line=land").body());
        Geometry outline = new GeoJsonReader().read(fc.get("features").get(0).get("geometry").toString());
        double tol = Math.max(0.001 * r, 20);
        io.borderline.geodesy.BruteForce fromLand = new io.borderline.geodesy.BruteForce(landLine);
        int checked = 0;
        for (org.locationtech.jts.geom.Coordinate v : outline.getCoordinates()) {
            if (checked++ % 5 == 0) { // every fifth vertex: the brute force costs a geodesic per segment
                assertThat(Math.abs(fromLand.distance(v.y, v.x) - r)).as("%s", v).isLessThanOrEqualTo(tol);
            }
        }
        // the far end of the sea line lies well outside the land line's 10 km
        org.locationtech.jts.geom.Coordinate[] sea = border.seaPart().getCoordinates();
        org.locationtech.jts.geom.Coordinate far = java.util.Arrays.stream(sea)
            .max(java.util.Comparator.comparingDouble(c -> fromLand.distance(c.y, c.x))).orElseThrow();
        assertThat(fromLand.distance(far.y, far.x)).isGreaterThan(2 * r);
        assertThat(outline.covers(outline.getFactory().createPoint(far))).isFalse();
        Geometry political = new GeoJsonReader().read(JSON.readTree(ServerFixture.get("/coverage?border=EST-RUS&range_km=10")
            .body()).get("features").get(0).get("geometry").toString());
        assertThat(political.covers(political.getFactory().createPoint(far))).isTrue();
        assertThat(ServerFixture.get("/coverage?from=EST&range_km=10&border_line=land").statusCode()).isEqualTo(400);
        assertThat(ServerFixture.get("/coverage?border=EST-RUS&range_km=10&border_line=sea").statusCode()).isEqualTo(400);
    }
}

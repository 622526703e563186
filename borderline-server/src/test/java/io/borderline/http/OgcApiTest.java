package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.TestData;
import io.borderline.data.Site;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OGC API - Features behaviour beyond the schema: paging, bbox semantics, filters, errors. */
class OgcApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String pathAndQuery) throws Exception {
        var r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void followingNextLinksVisitsEveryFeatureOnceAndPrevLeadsBack() throws Exception {
        List<String> seen = new ArrayList<>();
        String url = "/collections/sites/items?limit=6";
        JsonNode page = null;
        int pages = 0;
        while (url != null) {
            page = get(url);
            pages++;
            page.get("features").forEach(f -> seen.add(f.get("id").asText()));
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            url = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asText().equals("next")) {
                    URI u = URI.create(l.get("href").asText());
                    url = u.getRawPath() + "?" + u.getRawQuery();
                }
            }
        }
        int total = TestData.get().sites().size();
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((total + 5) / 6);
        assertThat(page.get("numberMatched").asInt()).isEqualTo(total);
        boolean hasPrev = false;
        for (JsonNode l : page.get("links")) {
            hasPrev |= l.get("rel").asText().equals("prev");
        }
        assertThat(hasPrev).isTrue();
    }

    /** The bbox selects exactly the sites a brute-force check of their coordinates selects. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"24,53.5,26,55.5", "20,50,30,60", "27.5,53.8,27.7,54.0", "0,0,1,1"})
    void bboxSelectsExactlyThePointsInsideIt(String bbox) throws Exception {
        String[] v = bbox.split(",");
        double minLon = Double.parseDouble(v[0]);
        double minLat = Double.parseDouble(v[1]);
        double maxLon = Double.parseDouble(v[2]);
        double maxLat = Double.parseDouble(v[3]);
        List<String> expected = TestData.get().sites().values().stream()
            .filter(s -> s.lon() >= minLon && s.lon() <= maxLon && s.lat() >= minLat && s.lat() <= maxLat)
            .map(Site::id).toList();
        JsonNode fc = get("/collections/sites/items?limit=1000&bbox=" + bbox);
        List<String> got = new ArrayList<>();
        fc.get("features").forEach(f -> got.add(f.get("id").asText()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        // the same box in EPSG:4326 order (latitude first) selects the same features
        JsonNode latFirst = get("/collections/sites/items?limit=1000&bbox=" + minLat + "," + minLon + "," + maxLat + ","
            + maxLon + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(latFirst.get("numberMatched").asInt()).isEqualTo(expected.size());
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxes() throws Exception {
        // 170°E..-170°W holds nothing of ours; 20°E..-170°W wraps round almost the whole world and holds everything
        assertThat(get("/collections/sites/items?bbox=170,-90,-170,90").get("numberMatched").asInt()).isZero();
        assertThat(get("/collections/sites/items?bbox=20,-90,-170,90").get("numberMatched").asInt())
            .isEqualTo(TestData.get().sites().size());
    }

    @Test
    void propertyFiltersCombineWithAnd() throws Exception {
        JsonNode fc = get("/collections/sites/items?kind=airfield&country=BLR");
        long expected = TestData.get().sites().values().stream()
            .filter(s -> s.kind().equals("airfield") && s.country().code().equals("BLR")).count();
        assertThat(fc.get("numberMatched").asLong()).isEqualTo(expected).isPositive();
        fc.get("features").forEach(f -> {
            assertThat(f.get("properties").get("kind").asText()).isEqualTo("airfield");
            assertThat(f.get("properties").get("country").asText()).isEqualTo("BLR");
        });
    }

    @Test
    void theClaimsCollectionCarriesTheMeasuredDistances() throws Exception {
        JsonNode narva = get("/collections/claims/items/narva-rus");
        assertThat(narva.get("properties").get("measured_km").asDouble()).isEqualTo(0.766);
        assertThat(narva.get("properties").get("verdict").asText()).isEqualTo("accurate");
        assertThat(narva.get("geometry").get("type").asText()).isEqualTo("Point");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/collections/sites/items?limit=0|400|limit",
        "/collections/sites/items?limit=1001|400|limit",
        "/collections/sites/items?offset=-1|400|offset",
        "/collections/sites/items?bbox=1,2,3|400|bbox",
        "/collections/sites/items?bbox=30,60,20,50|400|bbox",
        "/collections/sites/items?bbox=-200,0,10,10|400|bbox",
        "/collections/sites/items?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326|400|bbox-crs",
        "/collections/sites/items?crs=EPSG:9999|400|crs",
        "/collections/sites/items?datetime=yesterday|400|datetime",
        "/collections/sites/items?f=html|400|f",
        "/collections/sites/items?colour=red|400|colour",
        "/collections/nope|404|",
        "/collections/nope/items|404|",
        "/collections/sites/items/nope|404|",
        "/collections/nope/items/narva|404|",
    })
    void badRequestsAreProblems(String pathAndQuery, int status, String parameter) throws Exception {
        var r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (parameter != null) {
            assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo(parameter);
        }
    }

    @Test
    void theLandingPageLinksTheOpenApiDocumentAsJson() throws Exception {
        JsonNode landing = get("/");
        String serviceDesc = null;
        for (JsonNode l : landing.get("links")) {
            if (l.get("rel").asText().equals("service-desc")
                && l.get("type").asText().equals("application/vnd.oai.openapi+json;version=3.0")) {
                serviceDesc = l.get("href").asText();
            }
        }
        assertThat(serviceDesc).endsWith("/openapi.json");
        JsonNode doc = get("/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        assertThat(doc.get("paths").has("/collections/sites/items")).isTrue();
    }

    @Test
    void aPageOfTheWorldStopsAtItsVertexBudgetAndLinksOn() throws Exception {
        JsonNode page = new ObjectMapper().readTree(ServerFixture.get(
            "/collections/countries/items?limit=1000&dataset=ne10m").body());
        int returned = page.get("numberReturned").asInt();
        assertThat(returned).isPositive().isLessThan(page.get("numberMatched").asInt());
        assertThat(page.get("features")).hasSize(returned);
        String next = null;
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals("next")) {
                next = l.get("href").asText();
            }
        }
        assertThat(next).as("a next link where the page stopped").contains("offset=" + returned);
        long vertices = 0;
        for (JsonNode f : page.get("features")) {
            vertices += new org.locationtech.jts.io.geojson.GeoJsonReader().read(f.get("geometry").toString()).getNumPoints();
        }
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        List<io.borderline.features.Feature> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            org.locationtech.jts.geom.Coordinate[] c = new org.locationtech.jts.geom.Coordinate[OgcApi.MAX_PAGE_VERTICES / 2 + 1];
            for (int k = 0; k < c.length; k++) {
                c[k] = new org.locationtech.jts.geom.Coordinate(k * 1e-6, 0);
            }
            three.add(new io.borderline.features.Feature("f" + i, gf.createLineString(c), java.util.Map.of()));
        }
        assertThat(OgcApi.page(three, 0, 10)).hasSize(1); // the second would pass the budget
        assertThat(OgcApi.page(three, 2, 10)).hasSize(1); // never empty while features remain
        assertThat(vertices).isGreaterThan(0);
    }

    /** Found by the fuzz (seed 20250124): Argentina in LAEA Europe was written with NaN, which is not JSON. */
    @Test
    void aEuropeanGridDrawsWhatItsDomainHoldsAndNoNumberThatIsNotOne() throws Exception {
        String crs = "&crs=http://www.opengis.net/def/crs/EPSG/0/3035&dataset=ne10m";
        for (String code : new String[] {"ARG", "RUS", "FIN"}) {
            var r = ServerFixture.get("/collections/countries/items/" + code + "?" + crs.substring(1));
            assertThat(r.statusCode()).as(code).isEqualTo(200);
            assertThat(r.body()).doesNotContain("NaN").doesNotContain("Infinity");
            JsonNode f = new ObjectMapper().readTree(r.body());
            switch (code) {
                case "ARG" -> assertThat(f.get("geometry").isNull()).as("wholly outside the domain").isTrue();
                case "FIN" -> { // wholly inside: every vertex, none cut
                    var served = new org.locationtech.jts.io.geojson.GeoJsonReader().read(f.get("geometry").toString());
                    JsonNode crs84 = new ObjectMapper().readTree(
                        ServerFixture.get("/collections/countries/items/FIN?dataset=ne10m").body());
                    assertThat(served.getNumPoints()).isEqualTo(new org.locationtech.jts.io.geojson.GeoJsonReader()
                        .read(crs84.get("geometry").toString()).getNumPoints());
                }
                default -> { // Russia reaches 180 E: cut at the domain's 100 E, still a MultiPolygon
                    assertThat(f.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
                    var served = new org.locationtech.jts.io.geojson.GeoJsonReader().read(f.get("geometry").toString());
                    for (var c : served.getCoordinates()) {
                        double[] lonLatOf = io.borderline.projection.OutputCrs.EPSG_3035.toLonLat(c.x, c.y);
                        assertThat(lonLatOf[0]).isBetween(19.0, 100.0 + 1e-6);
                    }
                }
            }
        }
    }

    /**
     * European Russia (ne10m) at 2,000 km holds the North Pole: the class is drawn as a cap closed through the Pole,
     * longitudes within ±180° (RFC 7946), with its area, and nothing left out.
     */
    @Test
    void aCoverageHoldingTheNorthPoleIsDrawnAsACapOverIt() throws Exception {
        JsonNode fc = new ObjectMapper().readTree(ServerFixture.get(
            "/collections/coverage-rus/items?dataset=ne10m&drone=shahed-136").body());
        assertThat(fc.get("features")).hasSize(1);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("properties").get("not_drawn").isNull()).isTrue();
        assertThat(f.get("properties").get("range_km").asDouble()).isEqualTo(2000.0);
        assertThat(f.get("properties").get("dropped_vertices").asInt()).isZero();
        var served = new org.locationtech.jts.io.geojson.GeoJsonReader().read(f.get("geometry").toString());
        assertThat(served.isValid()).isTrue();
        var box = served.getEnvelopeInternal();
        assertThat(box.getMaxY()).isEqualTo(90.0);
        assertThat(box.getMinX()).isEqualTo(-180.0);
        assertThat(box.getMaxX()).isEqualTo(180.0);
        var in = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(served);
        for (double lon = -172.5; lon < 180; lon += 15) { // off the cut at ±180°, which is boundary
            assertThat(in.locate(new org.locationtech.jts.geom.Coordinate(lon, 89.5))).as("lon %s", lon)
                .isEqualTo(org.locationtech.jts.geom.Location.INTERIOR);
        }
        assertThat(f.get("properties").get("area_km2").asDouble())
            .isCloseTo(io.borderline.geodesy.EllipsoidalMeasure.areaM2(served) / 1e6, org.assertj.core.data.Offset.offset(1.0));
    }
}

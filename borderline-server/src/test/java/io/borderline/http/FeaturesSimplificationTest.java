package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.MinimumDiameter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Geometry simplification of the items ({@code zoom-level} as in the draft OGC API - Features - Part 7, and the
 * vendor {@code max-allowable-offset}): fewer vertices at coarser settings, every vertex within the offset both
 * ways (Douglas-Peucker's bound, checked against the original served geometry), bad values a 400.
 */
class FeaturesSimplificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Geometry geometry(String pathAndQuery) throws Exception {
        return new GeoJsonReader().read(get(pathAndQuery).get("geometry").toString());
    }

    @Test
    void coarserZoomLevelsCarryFewerVertices() throws Exception {
        for (String feature : List.of("/collections/countries/items/LTU", "/collections/countries/items/NOR",
            "/collections/borders/items/" + borderId("FIN", "RUS"))) {
            int full = geometry(feature).getNumPoints();
            int previous = full;
            for (int zoom : List.of(14, 10, 6, 2)) {
                int n = geometry(feature + "?zoom-level=" + zoom).getNumPoints();
                assertThat(n).as(feature + " at zoom " + zoom).isLessThan(previous).isPositive();
                previous = n;
            }
            assertThat(previous).as(feature + " at zoom 2 against " + full).isLessThan(full / 10);
        }
    }

    @Test
    void aPageOfTheWorldAtZoomZeroIsSmallAndKeepsItsTypes() throws Exception {
        JsonNode page = get("/collections/countries/items?limit=1000&zoom-level=0");
        assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("numberMatched").asInt()).isGreaterThan(240);
        int vertices = 0;
        for (JsonNode f : page.get("features")) {
            assertThat(f.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
            vertices += new GeoJsonReader().read(f.get("geometry").toString()).getNumPoints();
        }
        assertThat(vertices).isLessThan(100_000); // the world is 8.9 million vertices unsimplified
    }

    /**
     * Every simplified vertex lies on the original, and every original vertex lies within the offset of the
     * simplified rings and lines, except those of rings so thin (minimum width at most twice the offset) that
     * they collapsed and were dropped.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/collections/countries/items/EST?max-allowable-offset=0.01",
        "/collections/countries/items/GRC?max-allowable-offset=0.05",
        "/collections/countries/items/LTU?crs=http://www.opengis.net/def/crs/EPSG/0/3035&max-allowable-offset=500",
        "/collections/borders/items/FIN-RUS?max-allowable-offset=0.02"})
    void everyVertexIsWithinTheOffsetBothWays(String url) throws Exception {
        String path = url.replace("/FIN-RUS", "/" + borderId("FIN", "RUS"));
        double offset = Double.parseDouble(path.replaceAll(".*max-allowable-offset=", ""));
        String original = path.replaceAll("[?&]max-allowable-offset=[^&]*", "");
        Geometry full = geometry(original);
        double slack = offset * 1e-4; // the coordinates are written rounded (1e-7 degrees, 1 cm)
        Geometry simple = geometry(path);
        assertThat(simple.getNumPoints()).isLessThan(full.getNumPoints());
        IndexedFacetDistance toFull = new IndexedFacetDistance(full.getDimension() == 2 ? full.getBoundary() : full);
        for (Coordinate c : simple.getCoordinates()) {
            assertThat(toFull.distance(simple.getFactory().createPoint(c))).as(c.toString()).isLessThanOrEqualTo(slack);
        }
        IndexedFacetDistance toSimple = new IndexedFacetDistance(simple.getDimension() == 2 ? simple.getBoundary() : simple);
        int checked = 0;
        for (LineString part : parts(full)) {
            boolean collapsible = part.isClosed() && new MinimumDiameter(part).getLength() <= 2 * offset + slack;
            for (Coordinate c : part.getCoordinates()) {
                double d = toSimple.distance(part.getFactory().createPoint(c));
                if (!collapsible) {
                    assertThat(d).as("vertex " + c + " of " + url).isLessThanOrEqualTo(offset + slack);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(simple.getNumPoints());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collections/countries/items?zoom-level=-1", "/collections/countries/items?zoom-level=25",
        "/collections/borders/items?zoom-level=abc", "/collections/countries/items/LTU?zoom-level=NaN",
        "/collections/countries/items?max-allowable-offset=-0.1", "/collections/countries/items/LTU?max-allowable-offset=11",
        "/collections/countries/items?crs=http://www.opengis.net/def/crs/EPSG/0/3035&max-allowable-offset=2000000",
        "/collections/countries/items?zoom-level=3&max-allowable-offset=0.1"})
    void badValuesAreA400NamingTheParameterAndItsRange(String url) throws Exception {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        String name = url.contains("zoom-level") && !url.contains("max-allowable-offset") ? "zoom-level"
            : "max-allowable-offset";
        assertThat(problem.get("parameter").asText()).isEqualTo(name);
        assertThat(problem.get("allowed").asText()).matches(".*\\d+ to \\d+.*");
    }

    private static String borderId(String a, String b) throws Exception {
        for (JsonNode f : get("/collections/borders/items?a=" + a + "&limit=1000").get("features")) {
            if (f.get("properties").get("b").asText().equals(b)) {
                return f.get("id").asText();
            }
        }
        for (JsonNode f : get("/collections/borders/items?a=" + b + "&limit=1000").get("features")) {
            if (f.get("properties").get("b").asText().equals(a)) {
                return f.get("id").asText();
            }
        }
        throw new AssertionError("no border " + a + "-" + b);
    }

    private static List<LineString> parts(Geometry g) {
        List<LineString> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                out.add(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    out.add(p.getInteriorRingN(h));
                }
            } else {
                out.add((LineString) part);
            }
        }
        return out;
    }
}

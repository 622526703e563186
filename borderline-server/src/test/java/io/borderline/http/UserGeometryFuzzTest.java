package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated bodies for {@code POST /distance}, {@code /coverage}, {@code /coverage/stats}, the coverage maps
 * ({@code /maps/coverage.png|svg}) and the deck ({@code /briefing.pptx}) (fixed seed): targets of
 * every GeoJSON type with plausible, huge, non-numeric, nested and out-of-range positions, empty and unclosed
 * rings, unknown members, truncated and non-JSON bodies. No answer may be a 5xx, and every error is problem+json.
 */
class UserGeometryFuzzTest {

    @Property(tries = 60, seed = "20250124")
    void geometryBodiesNeverFail(@ForAll("bodies") String[] request) {
        HttpResponse<String> r = ServerFixture.post(request[0], request[1], "*/*", request[2]);
        assertThat(r.statusCode()).as(request[0] + " " + request[2] + " -> " + r.body()).isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Provide
    Arbitrary<String[]> bodies() {
        Arbitrary<String> number = Arbitraries.oneOf(
            Arbitraries.doubles().between(-200, 200).map(d -> Double.toString(Math.round(d * 1000) / 1000.0)),
            Arbitraries.doubles().between(30, 40).map(d -> Double.toString(Math.round(d * 100) / 100.0)),
            Arbitraries.of("1e309", "-1e309", "\"NaN\"", "null", "[]", "[1,2]", "true", "12345678901234567890"));
        Arbitrary<String> position = Combinators.combine(number, number).as((a, b) -> "[" + a + "," + b + "]")
            .injectDuplicates(0.2);
        Arbitrary<String> line = position.list().ofMinSize(0).ofMaxSize(6).map(p -> "[" + String.join(",", p) + "]");
        Arbitrary<String> ring = position.list().ofMinSize(0).ofMaxSize(6)
            .map(p -> p.isEmpty() ? "[]" : "[" + String.join(",", p) + "," + p.get(0) + "]");
        Arbitrary<String> polygon = ring.list().ofMinSize(0).ofMaxSize(2).map(r -> "[" + String.join(",", r) + "]");
        Arbitrary<String> geometry = Arbitraries.oneOf(
            line.map(c -> "{\"type\":\"LineString\",\"coordinates\":" + c + "}"),
            line.list().ofMaxSize(2).map(c -> "{\"type\":\"MultiLineString\",\"coordinates\":[" + String.join(",", c) + "]}"),
            polygon.map(c -> "{\"type\":\"Polygon\",\"coordinates\":" + c + "}"),
            polygon.list().ofMaxSize(2).map(c -> "{\"type\":\"MultiPolygon\",\"coordinates\":[" + String.join(",", c) + "]}"),
            position.map(c -> "{\"type\":\"Point\",\"coordinates\":" + c + "}"),
            Arbitraries.of("null", "{}", "[]", "\"LineString\"", "{\"type\":\"GeometryCollection\",\"geometries\":[]}",
                "{\"type\":\"LineString\",\"coordinates\":[[179,60],[-179,60]]}"));
        Arbitrary<String> feature = Combinators.combine(geometry, Arbitraries.of("\"a\"", "1", "null", "{}",
            "\"" + "x".repeat(250) + "\"")).as((g, id) -> "{\"type\":\"Feature\",\"id\":" + id
            + ",\"properties\":{\"n\":[1]},\"geometry\":" + g + "}");
        Arbitrary<String> target = Arbitraries.oneOf(geometry, feature,
            feature.list().ofMaxSize(3).map(f -> "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", f) + "]}"));
        Arbitrary<String> points = Arbitraries.of("{\"type\":\"MultiPoint\",\"coordinates\":[[36.2,49.9],[35,95]]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[36,48]},\"properties\":{}}]}", "[]", "{}", "null");
        Arbitrary<String> crs = Arbitraries.of("", ",\"crs\":\"EPSG:3035\"", ",\"crs\":\"EPSG:4326\"", ",\"crs\":1",
            ",\"crs\":\"urn:ogc:def:crs:EPSG::2180\"", ",\"crs\":\"nope\"", ",\"extra\":true");
        Arbitrary<String> distance = Combinators.combine(target, points, crs)
            .as((t, p, c) -> "{\"target\":" + t + ",\"points\":" + p + c + "}");
        Arbitrary<String> coverage = Combinators.combine(target, crs).as((t, c) -> "{\"source\":" + t + c + "}");
        Arbitrary<String> path = Arbitraries.of("/distance", "/coverage?range_km=20", "/coverage/stats?range_km=5",
            "/coverage/stats?drone=fpv&mode=beyond", "/coverage?range_km=20&f=kml", "/distance?to=BLR",
            "/maps/coverage.svg?range_km=20&width=480&height=320", "/maps/coverage.png?drone=fpv&width=480&height=320",
            "/briefing.pptx?range_km=5&claims=none");
        Arbitrary<String> type = Arbitraries.of("application/json", "application/geo+json", "text/plain",
            "application/json; charset=latin1");
        return Combinators.combine(path, type, distance, coverage, Arbitraries.integers().between(0, 9))
            .as((p, t, d, c, cut) -> {
                String body = p.startsWith("/distance") ? d : c;
                if (cut == 0) {
                    body = body.substring(0, body.length() / 2); // truncated
                } else if (cut == 1) {
                    body = "not json at all";
                }
                return new String[] {p, t, body};
            });
    }
}

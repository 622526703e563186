package io.borderline.http;

import io.borderline.json.Json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a 400 or 404 problem+json naming the parameter; never a 500. */
class BadInputTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "/distance?lon=25&to=BLR                      | 400 | lat",
        "/distance?lat=abc&lon=25&to=BLR              | 400 | lat",
        "/distance?lat=91&lon=25&to=BLR               | 400 | lat",
        "/distance?lat=-90.0001&lon=25&to=BLR         | 400 | lat",
        "/distance?lat=54&lon=180.5&to=BLR            | 400 | lon",
        "/distance?lat=NaN&lon=25&to=BLR              | 400 | lat",
        "/distance?lat=54&lon=Infinity&to=BLR         | 400 | lon",
        "/distance?lat=54&lon=0x1p3&to=BLR            | 400 | lon",
        "/distance?lat=&lon=25&to=BLR                 | 400 | lat",
        "/distance?lat=54&lon=25                      | 400 | to",
        "/distance?lat=54&lon=25&to=XYZ               | 400 | to",
        "/distance?lat=54&lon=25&to=BLR&dataset=osm1m | 400 | dataset",
        "/distance?from=atlantis&to=BLR               | 400 | from",
        "/distance?from=vilnius&lat=1&lon=2&to=BLR    | 400 | from",
        "/distance?lat=54&lon=25&to=BLR&lng=3         | 400 | lng",
        "/distance?lat=54&lat=55&lon=25&to=BLR        | 400 | lat",
        "/distance/points?a=54,25                     | 400 | b",
        "/distance/points?a=54,25&b=54;25             | 400 | b",
        "/distance/points?a=54,25&b=99,25             | 400 | b",
        "/distance/countries?a=BLR&b=ZZZ              | 400 | b",
        "/sites?kind=castle                           | 400 | kind",
        "/borders?dataset=x                           | 400 | dataset",
        "/coverage?from=BLR                           | 400 | range_km",
        "/coverage?from=BLR&range_km=0.99             | 400 | range_km",
        "/coverage?from=BLR&range_km=2500.1           | 400 | range_km",
        "/coverage?from=BLR&range_km=NaN              | 400 | range_km",
        "/coverage?range_km=30                        | 400 | from",
        "/coverage?from=BLR&lat=1&lon=2&range_km=30   | 400 | lat",
        "/coverage?from=XYZ&range_km=30               | 400 | from",
        "/coverage?border=BLR-EST&range_km=30         | 400 | border",
        "/coverage?site=atlantis&range_km=30          | 400 | site",
        "/coverage?from=BLR&drone=zeppelin            | 400 | drone",
        "/coverage?from=BLR&drone=fpv&range_km=5      | 400 | drone",
        "/coverage?from=BLR&range_km=5&mode=half      | 400 | mode",
        "/coverage?from=BLR,,LTU&range_km=5           | 400 | from",
        "/coverage/stats?site_kind=castle&range_km=5  | 400 | site_kind",
        "/coverage/stats?lat=54&range_km=5            | 400 | lon",
        "/coverage?site=narva&site_kind=city&range_km=5 | 400 | site_kind",
        "/coverage?site_country=BLR&range_km=5        | 400 | from",
        "/coverage?site=vileika-vlf&range_km=30&azimuth_from=-1&azimuth_to=20     | 400 | azimuth_from",
        "/coverage?site=vileika-vlf&range_km=30&azimuth_from=10&azimuth_to=360.5  | 400 | azimuth_to",
        "/coverage?site=vileika-vlf&range_km=30&azimuth_from=10                   | 400 | azimuth_to",
        "/coverage?site=vileika-vlf&range_km=30&azimuth_to=10                     | 400 | azimuth_from",
        "/coverage?site=vileika-vlf&range_km=30&azimuth_from=10&azimuth_to=10     | 400 | azimuth_to",
        "/coverage?site=vileika-vlf&range_km=30&min_range_km=30                   | 400 | min_range_km",
        "/coverage?site=vileika-vlf&range_km=30&min_range_km=-1                   | 400 | min_range_km",
        "/coverage?from=BLR&range_km=30&azimuth_from=10&azimuth_to=20             | 400 | azimuth_from",
        "/coverage?border=BLR-LTU&range_km=30&min_range_km=5                      | 400 | min_range_km",
        "/coverage?site=vileika-vlf,minsk&range_km=30&azimuth_from=1&azimuth_to=9 | 400 | azimuth_from",
        "/coverage?site=vileika-vlf&drone=shahed-136&minutes=0                    | 400 | minutes",
        "/coverage?site=vileika-vlf&drone=shahed-136&minutes=-5                   | 400 | minutes",
        "/coverage?site=vileika-vlf&drone=lancet&minutes=10,30                    | 400 | minutes",
        "/coverage?site=vileika-vlf&range_km=30&minutes=10                        | 400 | minutes",
        "/coverage?site=vileika-vlf&speed_kmh=0&minutes=10                        | 400 | speed_kmh",
        "/coverage?site=vileika-vlf&speed_kmh=1000.1&minutes=10                   | 400 | speed_kmh",
        "/coverage?site=vileika-vlf&speed_kmh=-100&minutes=10                     | 400 | speed_kmh",
        "/coverage?site=vileika-vlf&range_km=30&speed_kmh=100                     | 400 | speed_kmh",
        "/coverage?site=vileika-vlf&drone=orlan-10&minutes=10                     | 400 | speed",
        "/coverage?site=vileika-vlf&drone=gerbera&minutes=10&speed=top            | 400 | speed",
        "/coverage?site=vileika-vlf&drone=gerbera&minutes=10&speed_kmh=100        | 400 | speed_kmh",
        "/coverage/stats?site=vileika-vlf&drone=shahed-136&minutes=1,2,3,4,5,6,7  | 400 | minutes",
        "/maps/coverage.png?from=BLR&drone=shahed-136&minutes=10&azimuth_from=1&azimuth_to=9 | 400 | azimuth_from",
    })
    void badParameterIsA400NamingIt(String url, int status, String parameter) {
        HttpResponse<String> r = ServerFixture.get(url.trim());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = read(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("parameter").asText()).isEqualTo(parameter.trim());
        assertThat(p.get("detail").asText()).contains(parameter.trim());
        assertThat(p.has("allowed")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @ParameterizedTest
    @CsvSource({"/sites/atlantis", "/claims/flat-earth", "/nothing-here", "/sites/%2e%2e%2fpom.xml"})
    void unknownIdsAre404Problems(String url) {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(r.body()).get("status").asInt()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"/sites/%00", "/claims/%0a", "/sites/..%2f..%2fpom.xml"})
    void pathsJettyRejectsAreProblemsToo(String url) {
        HttpResponse<String> r = ServerFixture.get(url);
        assertThat(r.statusCode()).isIn(400, 404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("<html").doesNotContain("jetty").doesNotContain("Exception");
    }

    static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}

package io.borderline.http;

import static io.borderline.http.ClaimCheckApiTest.ok;
import static io.borderline.http.ClaimCheckApiTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.points.BatchOutput;
import io.borderline.points.CsvPoints;
import io.borderline.points.DistanceCsv;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same conventions on every answer: km beside metres, rounding, ids, several targets, CSV. */
class ConsistencyTest {

    @Test
    void everyDistanceInMetresHasItsKmBesideIt() {
        List<JsonNode> objects = new ArrayList<>();
        for (String url : List.of("/distance?from=narva&to=RUS", "/distance/points?a=vilnius&b=minsk",
            "/distance/countries?a=BLR&b=RUS-KGD", "/sites/narva", "/distance?lat=59.4&lon=24.7&to=BLR,RUS")) {
            collect(ok(url), objects);
        }
        assertThat(objects).hasSizeGreaterThan(10);
        for (JsonNode o : objects) {
            double km = Math.round(o.get("distance_m").asDouble()) / 1000.0;
            assertThat(o.get("distance_km")).as(o.toString()).isNotNull();
            assertThat(o.get("distance_km").asDouble()).as(o.toString()).isEqualTo(km);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/distance/countries?a=BLR&b=BLR", "/distance/countries?a=RUS&b=RUS-KGD&dataset=ne10m",
        "/distance?from=narva&to=RUS,BLR", "/distance/points?a=vilnius&b=54.1,25.3333333",
        "/claims/check?lat=54.1234567&lon=25.9876543&to=BLR&claimed_km=33.3", "/sites/minsk", "/places?q=nov"})
    void noNumberCarriesMoreThanSevenDecimals(String url) {
        List<String> long_ = new ArrayList<>();
        numbers(ok(url), "", long_);
        assertThat(long_).as(url).isEmpty();
    }

    @Test
    void siteIdsAreCaseInsensitiveLikeCountryCodes() {
        assertThat(ok("/distance?from=VILNIUS&to=blr").get("result")).isEqualTo(ok("/distance?from=vilnius&to=BLR").get("result"));
        assertThat(ok("/distance/points?a=Vilnius&b=MINSK").get("result"))
            .isEqualTo(ok("/distance/points?a=vilnius&b=minsk").get("result"));
        assertThat(ok("/sites/Narva").get("id").asText()).isEqualTo("narva");
    }

    @Test
    void severalTargetsInOneCallEqualOneCallEach() {
        JsonNode both = ok("/distance?lat=54.68916&lon=25.2798&to=BLR,RUS-KGD,rus");
        assertThat(both.has("result")).isFalse();
        assertThat(both.get("results")).hasSize(3);
        List<String> codes = List.of("BLR", "RUS-KGD", "RUS");
        for (int i = 0; i < 3; i++) {
            JsonNode one = ok("/distance?lat=54.68916&lon=25.2798&to=" + codes.get(i));
            assertThat(both.get("results").get(i)).isEqualTo(one.get("result"));
        }
        ClaimCheckApiTest.problem("/distance?lat=54&lon=25&to=BLR,BLR", "to");
        ClaimCheckApiTest.problem("/distance?lat=54&lon=25&to=BLR,XYZ", "to"); // no such country
        ClaimCheckApiTest.problem("/distance?lat=54&lon=25&to=BLR,", "to");
    }

    @Test
    void acceptCsvGetsCsvEqualToTheJson() {
        HttpResponse<String> r = get("/distance?from=narva&to=RUS,BLR", "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(DistanceCsv.HEADER);
        List<String> header = CsvPoints.split(lines.get(0));
        JsonNode json = ok("/distance?from=narva&to=RUS,BLR").get("results");
        for (int i = 0; i < 2; i++) {
            List<String> f = CsvPoints.split(lines.get(i + 1));
            JsonNode j = json.get(i);
            assertThat(f.get(header.indexOf("to"))).isEqualTo(j.get("to").asText());
            assertThat(Double.parseDouble(f.get(header.indexOf("distance_m")))).isEqualTo(j.get("distance_m").asDouble());
            assertThat(Double.parseDouble(f.get(header.indexOf("border_distance_km"))))
                .isEqualTo(j.at("/border/distance_km").asDouble());
            assertThat(f.get(header.indexOf("border_id"))).isEqualTo(j.at("/border/border_id").asText());
        }
        assertThat(get("/distance?from=narva&to=RUS", "text/csv;q=0.9, application/json").headers()
            .firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(get("/distance?from=narva&to=RUS", "text/html,application/xhtml+xml,*/*;q=0.8").headers()
            .firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void anAcceptThatAdmitsNeitherIsA406Problem() {
        HttpResponse<String> r = get("/distance?from=narva&to=RUS", "application/xml");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(r.body()).get("detail").asText()).contains("text/csv");
    }

    @Test
    void theBatchEchoesExtraColumnsAndCanLeaveTheSummaryOut() {
        String body = "name,lat,id,lon,distance_m\nVilnius,54.68916,v,25.2798,x\n\"Bad, row\",NaN,b,25,y\n";
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=BLR&summary=none", "text/csv", "text/csv", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(3).noneMatch(l -> l.startsWith("#"));
        assertThat(lines.get(0)).isEqualTo(BatchOutput.Csv.HEADER + ",name,input_distance_m");
        List<String> first = CsvPoints.split(lines.get(1));
        assertThat(first.subList(first.size() - 2, first.size())).containsExactly("Vilnius", "x");
        assertThat(Double.parseDouble(first.get(6)))
            .isEqualTo(ok("/distance?lat=54.68916&lon=25.2798&to=BLR").at("/result/distance_m").asDouble());
        List<String> bad = CsvPoints.split(lines.get(2));
        assertThat(bad.subList(bad.size() - 2, bad.size())).containsExactly("Bad, row", "y");
        assertThat(bad.get(18)).contains("NaN");

        HttpResponse<String> nd = ServerFixture.post("/distance/batch?to=BLR", "text/csv", "application/x-ndjson", body);
        Iterator<String> it = nd.body().lines().iterator();
        JsonNode row = read(it.next());
        assertThat(row.get("name").asText()).isEqualTo("Vilnius");
        assertThat(row.get("input_distance_m").asText()).isEqualTo("x");
        read(it.next());
        assertThat(read(it.next()).has("summary")).isTrue();

        HttpResponse<String> trailer = ServerFixture.post("/distance/batch?to=BLR&summary=trailer", "text/csv", "text/csv", body);
        assertThat(trailer.body().lines().filter(l -> l.startsWith("#summary")).count()).isEqualTo(1);
        HttpResponse<String> header = ServerFixture.post("/distance/batch?to=BLR&summary=header", "text/csv", "text/csv", body);
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(read(header.body()).get("parameter").asText()).isEqualTo("summary");
    }

    @Test
    void anIncompleteBatchWithoutTrailerEndsWithAnErrorRow() {
        // JSON that breaks after one good feature: the rest cannot be read, so the answer is incomplete
        String body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
            + "{\"type\":\"Point\",\"coordinates\":[25.2798,54.68916]},\"properties\":{}},{\"type\":";
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=BLR&summary=none", "application/geo+json",
            "application/x-ndjson", body);
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(read(lines.get(0)).get("index").asInt()).isZero();
        JsonNode last = read(lines.get(1));
        assertThat(last.get("index").isNull()).isTrue();
        assertThat(last.get("error").asText()).startsWith("incomplete: ");
        assertThat(last.has("summary")).isFalse();
    }

    private static HttpResponse<String> get(String url, String accept) {
        return ServerFixture.send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + url)).timeout(java.time.Duration.ofSeconds(300)).header("Accept", accept)
            .GET().build());
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.has("distance_m")) {
            out.add(n);
        }
        n.forEach(c -> collect(c, out));
    }

    private static void numbers(JsonNode n, String path, List<String> tooLong) {
        if (n.isNumber() && n.isFloatingPointNumber()) {
            if (new BigDecimal(n.asText()).stripTrailingZeros().scale() > 7) {
                tooLong.add(path + "=" + n.asText());
            }
        }
        var names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            numbers(n.get(k), path + "/" + k, tooLong);
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                numbers(n.get(i), path + "/" + i, tooLong);
            }
        }
    }
}

package io.borderline.http;

import io.borderline.points.BatchOutput;
import io.borderline.points.CsvPoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.TestData;
import io.borderline.analysis.CountryDistance;
import io.borderline.analysis.DistanceService;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /distance/batch}: 100,000 seeded points in each input format give the same answers
 * as {@link DistanceService#toCountry} (checked on a sample), bad rows are reported by index and
 * never dropped, answers stream while the body is still arriving, and bodies that cannot be read
 * are problems.
 */
class BatchApiTest {
    private static final int N = 100_000;
    private static final int BAD_EVERY = 997;
    private static final DistanceService DISTANCES = new DistanceService();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Seeded points over the region (lat 45–65°N, lon 15–45°E), the same spread as the distance benchmark. */
    private static double[][] points(long seed) {
        Random r = new Random(seed);
        double[][] p = new double[N][];
        for (int i = 0; i < N; i++) {
            p[i] = new double[] {45 + 20 * r.nextDouble(), 15 + 30 * r.nextDouble()};
        }
        return p;
    }

    private static final String[] BAD_FEATURES = {
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":null,\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"NaN\",1]}}",
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[25,91.5]}}",
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[25,54],[26,55]]}}",
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{},\"geometry\":null}",
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[25]}}",
        "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e999,54]}}",
        "17",
    };

    private static final String[] BAD_CSV = {"bad,,25.1", "bad,NaN,25.1", "bad,54.1,-181", "bad,\"54.1,25.1",
        "bad,54.1,25.1,extra", "bad,0x1p3,25", "bad,54.1,Infinity"};

    @Test
    void hundredThousandGeoJsonPointsStreamAsNdjsonEqualToDistanceService() throws Exception {
        double[][] p = points(20250124L);
        StringBuilder body = new StringBuilder(N * 130).append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < N; i++) {
            body.append(i == 0 ? "" : ",");
            if (i % BAD_EVERY == BAD_EVERY - 1) {
                body.append(BAD_FEATURES[(i / BAD_EVERY) % BAD_FEATURES.length]);
            } else {
                body.append("{\"type\":\"Feature\",\"id\":\"p").append(i).append("\",\"properties\":{\"note\":\"x\"},")
                    .append("\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(p[i][1]).append(',')
                    .append(p[i][0]).append("]}}");
            }
        }
        body.append("]}");
        Dataset ds = TestData.get().dataset("osm10m");
        try (Stream<String> lines = post("/distance/batch?to=BLR", "application/geo+json", "application/x-ndjson",
                body.toString())) {
            Iterator<String> it = lines.iterator();
            long ok = 0;
            long errors = 0;
            long compared = 0;
            for (int i = 0; i < N; i++) {
                JsonNode row = BadInputTest.read(it.next());
                assertThat(row.get("index").asLong()).isEqualTo(i);
                if (i % BAD_EVERY == BAD_EVERY - 1) {
                    assertThat(row.get("error").asText()).as("row %d", i).isNotBlank();
                    errors++;
                    continue;
                }
                assertThat(row.has("error")).as(row.toString()).isFalse();
                assertThat(row.get("id").asText()).isEqualTo("p" + i);
                ok++;
                if (i % 250 == 0) {
                    sameAsDistanceService(row, DISTANCES.toCountry(ds, p[i][0], p[i][1], CountryCode.BLR));
                    compared++;
                }
            }
            JsonNode summary = BadInputTest.read(it.next()).get("summary");
            assertThat(it.hasNext()).isFalse();
            assertThat(summary.get("rows").asLong()).isEqualTo(N);
            assertThat(summary.get("ok").asLong()).isEqualTo(ok);
            assertThat(summary.get("errors").asLong()).isEqualTo(errors).isEqualTo(N / BAD_EVERY);
            assertThat(summary.get("complete").asBoolean()).isTrue();
            assertThat(summary.get("dataset").get("attribution").asText()).contains("OpenStreetMap");
            assertThat(compared).isGreaterThan(350);
        }
    }

    @Test
    void hundredThousandCsvRowsAnswerAsCsvEqualToDistanceService() throws Exception {
        double[][] p = points(7L);
        StringBuilder body = new StringBuilder(N * 40).append("id,lat,lon\r\n");
        for (int i = 0; i < N; i++) {
            if (i % BAD_EVERY == BAD_EVERY - 1) {
                body.append(BAD_CSV[(i / BAD_EVERY) % BAD_CSV.length]).append("\r\n");
            } else {
                body.append("\"c,").append(i).append("\",").append(p[i][0]).append(',').append(p[i][1]).append("\r\n");
            }
        }
        Dataset ds = TestData.get().dataset("ne10m");
        try (Stream<String> lines = post("/distance/batch?to=RUS&dataset=ne10m", "text/csv; charset=utf-8", "text/csv",
                body.toString())) {
            Iterator<String> it = lines.iterator();
            assertThat(it.next()).isEqualTo(BatchOutput.Csv.HEADER);
            long compared = 0;
            for (int i = 0; i < N; i++) {
                List<String> f = CsvPoints.split(it.next());
                assertThat(f).hasSize(19);
                assertThat(f.get(0)).isEqualTo(Integer.toString(i));
                if (i % BAD_EVERY == BAD_EVERY - 1) {
                    assertThat(f.get(18)).as("row %d", i).isNotBlank();
                    assertThat(f.subList(2, 18)).allMatch(String::isEmpty);
                    continue;
                }
                assertThat(f.get(1)).isEqualTo("c," + i);
                assertThat(f.get(18)).isEmpty();
                if (i % 250 == 0) {
                    CountryDistance d = DISTANCES.toCountry(ds, p[i][0], p[i][1], CountryCode.RUS);
                    assertThat(Boolean.parseBoolean(f.get(4))).isEqualTo(d.inside());
                    assertThat(f.get(5)).isEqualTo(String.join(";", d.inStates()));
                    assertThat(Double.parseDouble(f.get(6))).isEqualTo(d.distanceM());
                    assertThat(Double.parseDouble(f.get(7))).isEqualTo(Math.round(d.distanceM()) / 1000.0);
                    assertThat(f.get(12)).isEqualTo(d.border().borderId());
                    assertThat(Double.parseDouble(f.get(13))).isEqualTo(d.border().distanceM());
                    compared++;
                }
            }
            assertThat(it.next()).isEqualTo("#summary rows=" + N + " ok=" + (N - N / BAD_EVERY) + " errors="
                + N / BAD_EVERY + " complete=true to=RUS border_line=political dataset=ne10m");
            assertThat(it.next()).startsWith("#attribution ");
            assertThat(it.hasNext()).isFalse();
            assertThat(compared).isGreaterThan(350);
        }
    }

    @Test
    void answersStreamWhileTheBodyIsStillArriving() throws Exception {
        try (RawHttp http = new RawHttp(ServerFixture.port())) {
            http.startChunkedPost("/distance/batch?to=LTU", "text/csv", "application/x-ndjson");
            http.chunk("id,lat,lon\n");
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                first.append(i).append(",54.").append(i % 1000).append(",25.").append(i % 997).append('\n');
            }
            http.chunk(first.toString());
            // the rest of the body has not been sent: the first answers must already be here
            http.readHead();
            assertThat(http.status).isEqualTo(200);
            assertThat(http.headers.get("content-type")).startsWith("application/x-ndjson");
            assertThat(BadInputTest.read(http.bodyLine()).get("index").asInt()).isZero();
            http.chunk("2000,55.5,26.5\n");
            http.endChunks();
            String rest = http.restOfBody();
            String[] lines = rest.split("\n");
            JsonNode summary = BadInputTest.read(lines[lines.length - 1]).get("summary");
            assertThat(summary.get("rows").asInt()).isEqualTo(2001);
            assertThat(summary.get("complete").asBoolean()).isTrue();
        }
    }

    @Test
    void idsComeFromTheFeatureOrItsPropertiesOrTheCsvColumn() throws Exception {
        String geo = "{\"features\":[{\"type\":\"Feature\",\"id\":42,\"properties\":{\"id\":\"ignored\"},\"geometry\":"
            + "{\"coordinates\":[25.2798,54.68916],\"type\":\"Point\"}},{\"properties\":{\"id\":\"from-properties\","
            + "\"deep\":{\"id\":\"no\"}},\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[25.2798,54.68916,120]}}],"
            + "\"type\":\"FeatureCollection\"}";
        List<JsonNode> rows = ndjson(post("/distance/batch?to=BLR", "application/json", "*/*", geo));
        assertThat(rows.get(0).get("id").asInt()).isEqualTo(42);
        assertThat(rows.get(1).get("id").asText()).isEqualTo("from-properties");
        assertThat(rows.get(0).get("distance_km").asDouble()).isEqualTo(29.057);
        assertThat(rows.get(2).get("summary").get("ok").asInt()).isEqualTo(2);

        List<JsonNode> multi = ndjson(post("/distance/batch?to=RUS", "application/geo+json", "application/x-ndjson",
            "{\"type\":\"MultiPoint\",\"coordinates\":[[28.1903,59.3772],[\"x\",1],[28.1903,59.3772]]}"));
        assertThat(multi.get(0).get("distance_m").asDouble()).isEqualTo(776.873);
        assertThat(multi.get(0).get("id").isNull()).isTrue();
        assertThat(multi.get(1).get("error").asText()).contains("not numbers");
        assertThat(multi.get(3).get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void theBorderLineIsChosenAsInGetDistance() throws Exception {
        // Tallinn: the political line's nearest point is at sea (Gulf of Finland), the land line's on the Latvian border
        String csv = "id,lat,lon\ntallinn,59.437,24.7536\n";
        for (String line : List.of("political", "land")) {
            List<JsonNode> answer = ndjson(post("/distance/batch?to=EST&border=" + line, "text/csv",
                "application/x-ndjson", csv));
            JsonNode row = answer.get(0);
            assertThat(answer.get(1).get("summary").get("border_line").asText()).as("the summary names the line")
                .isEqualTo(line);
            CountryDistance d = DISTANCES.toCountry(TestData.get().dataset("osm10m"), 59.437, 24.7536, CountryCode.EST,
                io.borderline.data.BorderLine.parse(line).orElseThrow());
            sameAsDistanceService(row, d);
            assertThat(row.get("border").get("segment_kind").asText()).as(line)
                .isEqualTo(line.equals("land") ? "land" : "sea");
        }
    }

    @Test
    void aBodyBrokenAfterTheFirstRowsEndsWithAnIncompleteSummary() throws Exception {
        List<JsonNode> rows = ndjson(post("/distance/batch?to=RUS", "application/json", "application/x-ndjson",
            "{\"type\":\"MultiPoint\",\"coordinates\":[[25,54],[26,55],[27,"));
        assertThat(rows).hasSize(3);
        JsonNode summary = rows.get(2).get("summary");
        assertThat(summary.get("rows").asInt()).isEqualTo(2);
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(summary.get("problem").get("detail").asText()).contains("not valid JSON");
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "/distance/batch?to=BLR              | application/json     | ''                                        | 400",
        "/distance/batch?to=BLR              | application/json     | '   '                                     | 400",
        "/distance/batch?to=BLR              | application/json     | [[25,54]]                                 | 400",
        "/distance/batch?to=BLR              | application/json     | '{\"type\":\"Polygon\",\"coordinates\":[]}' | 400",
        "/distance/batch?to=BLR              | application/json     | '{\"type\":\"FeatureCollection\"}'        | 400",
        "/distance/batch?to=BLR              | application/json     | '{\"features\":{}}'                       | 400",
        "/distance/batch?to=BLR              | application/json     | '{\"features\":[{\"type\":'               | 400",
        "/distance/batch?to=BLR              | application/json     | '{\"type\":\"MultiPoint\",\"features\":[]}' | 400",
        "/distance/batch?to=BLR              | text/csv             | 'x,y\\n1,2\\n'                            | 400",
        "/distance/batch?to=BLR              | text/csv             | 'lat,lat,lon\\n1,2,3\\n'                  | 400",
        "/distance/batch?to=BLR              | text/csv             | ''                                        | 400",
        "/distance/batch                     | text/csv             | 'lat,lon\\n1,2\\n'                        | 400",
        "/distance/batch?to=ZZZ              | text/csv             | 'lat,lon\\n1,2\\n'                        | 400",
        "/distance/batch?to=BLR&lat=1        | text/csv             | 'lat,lon\\n1,2\\n'                        | 400",
        "/distance/batch?to=BLR&border=sea   | text/csv             | 'lat,lon\\n1,2\\n'                        | 400",
        "/distance/batch?to=BLR              | text/plain           | 'lat,lon\\n1,2\\n'                        | 415",
        "/distance/batch?to=BLR              | text/csv; charset=latin1 | 'lat,lon\\n1,2\\n'                    | 415",
    })
    void unreadableBodiesAndBadParametersAreProblems(String url, String type, String body, int status) {
        HttpResponse<String> r = ServerFixture.post(url.trim(), type.trim(), "application/x-ndjson",
            body.replace("\\n", "\n"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(BadInputTest.read(r.body()).get("detail").asText()).isNotBlank();
    }

    @Test
    void anAnswerNeitherNdjsonNorCsvIsA406() {
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=BLR", "text/csv", "application/xml",
            "lat,lon\n54,25\n");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(BadInputTest.read(r.body()).get("detail").asText()).contains("text/csv");
        HttpResponse<String> q = ServerFixture.post("/distance/batch?to=BLR", "text/csv",
            "application/x-ndjson;q=0.5, text/csv;q=0.9", "lat,lon\n54,25\n");
        assertThat(q.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    }

    static Stream<String> post(String path, String type, String accept, String body) throws IOException,
        InterruptedException {
        HttpResponse<Stream<String>> r = CLIENT.send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + path)).timeout(java.time.Duration.ofSeconds(300))
            .header("Content-Type", type).header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static List<JsonNode> ndjson(Stream<String> lines) {
        List<JsonNode> out = new ArrayList<>();
        lines.forEach(l -> out.add(BadInputTest.read(l)));
        return out;
    }

    private static void sameAsDistanceService(JsonNode row, CountryDistance d) {
        assertThat(row.get("inside").asBoolean()).isEqualTo(d.inside());
        assertThat(row.get("distance_m").asDouble()).isEqualTo(d.distanceM());
        assertThat(row.get("distance_km").asDouble()).isEqualTo(Math.round(d.distanceM()) / 1000.0);
        List<String> states = new ArrayList<>();
        row.get("in_states").forEach(s -> states.add(s.asText()));
        assertThat(states).isEqualTo(d.inStates());
        if (d.nearestPoint() == null) {
            assertThat(row.get("nearest_point").isNull()).isTrue();
        } else {
            assertThat(row.get("nearest_point").get("lat").asDouble()).isEqualTo(d.nearestPoint().lat());
            assertThat(row.get("nearest_point").get("lon").asDouble()).isEqualTo(d.nearestPoint().lon());
        }
        assertThat(row.get("border").get("distance_m").asDouble()).isEqualTo(d.border().distanceM());
        assertThat(row.get("border").get("border_id").asText()).isEqualTo(d.border().borderId());
    }
}

package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.Main;
import io.borderline.TestData;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, bounded work: a coverage whose estimated cost (from its source's vertices and its range) exceeds
 * the limit is refused with a 422 that names the estimate and the limit, on every route that computes
 * coverages (GeoJSON, statistics, KML, maps, deck), and a coverage within the limit is still computed.
 */
class CoverageRefusalTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = Main.start(TestData.get(), "127.0.0.1", 0, ServerOptions.DEFAULTS);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/coverage?from=RUS,UKR,POL,BLR&range_km=1",
        "/coverage/stats?from=RUS&from=UKR&from=POL&from=BLR&range_km=1",
        "/coverage?from=RUS,UKR,POL,BLR&range_km=1&f=kml",
        "/maps/coverage.png?from=RUS,UKR,POL,BLR&range_km=1",
        "/maps/coverage.svg?from=BLR&from=RUS,UKR,POL&range_km=1,30"})
    void aCoverageEstimatedPastTheLimitIsRefusedBeforeItIsComputed(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("coverage-too-costly").contains("estimated cost")
            .contains("exceeds the limit of 15 s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/coverage/stats?from=LTU&range_km=5", "/coverage/stats?site=lida-airbase&range_km=120"})
    void aCoverageWithinTheLimitIsComputed(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /**
     * The limits follow an operator who raises the deadline: under {@code --coverage-deadline-s 100} the estimate
     * may be 60 s (and the engine may run 80 s), so the refusal names that limit; a shorter deadline keeps the
     * defaults (the runaway test's 2 s deadline answers 503).
     */
    @org.junit.jupiter.api.Test
    void theLimitFollowsARaisedDeadline() throws Exception {
        Javalin longDeadline = Main.start(TestData.get(), "127.0.0.1", 0,
            ServerOptions.DEFAULTS.withCoverageDeadlineSeconds(100));
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + longDeadline.port() + "/coverage/stats?from=RUS,CAN,USA,GRL,AUS,BRA,CHN,NOR,IDN,CHL&range_km=1"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("coverage-too-costly").contains("exceeds the limit of 60 s");
        } finally {
            longDeadline.stop();
        }
        assertThat(io.borderline.coverage.CoverageCost.limitSeconds(5)).isEqualTo(15);
        assertThat(io.borderline.coverage.CoverageCost.engineDeadlineSeconds(100)).isEqualTo(80);
        assertThat(io.borderline.coverage.CoverageCost.limitSeconds(ComputeGate.DEADLINE_SECONDS))
            .isEqualTo(io.borderline.coverage.CoverageCost.MAX_SECONDS);
        assertThat(io.borderline.coverage.CoverageCost.engineDeadlineSeconds(ComputeGate.DEADLINE_SECONDS))
            .isEqualTo(io.borderline.coverage.GeodesicBuffer.DEADLINE_SECONDS);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }
}

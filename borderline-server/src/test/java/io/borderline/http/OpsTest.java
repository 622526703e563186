package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.Main;
import io.borderline.TestData;
import io.javalin.Javalin;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Operations: readiness, Prometheus metrics by route template, the JSON access log, CORS on and
 * off, Jetty's request size limits as problems, and a graceful stop that lets a request in
 * flight finish.
 */
class OpsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void readyAndHealthAnswer200WhileServing() {
        HttpResponse<String> ready = ServerFixture.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(BadInputTest.read(ready.body()).get("status").asText()).isEqualTo("ready");
        assertThat(ServerFixture.get("/health").statusCode()).isEqualTo(200);
        assertThat(ServerFixture.get("/ready?x=1").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatusNeverByRawPath() {
        String ok = "http_server_requests_seconds_count{method=\"GET\",route=\"/sites/{id}\",status=\"200\"}";
        String notFound = "http_server_requests_seconds_count{method=\"GET\",route=\"/sites/{id}\",status=\"404\"}";
        String unmatched = "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}";
        double ok0 = metric(ok);
        double nf0 = metric(notFound);
        double un0 = metric(unmatched);
        ServerFixture.get("/sites/narva");
        ServerFixture.get("/sites/vilnius");
        ServerFixture.get("/sites/atlantis-xq");
        ServerFixture.get("/no-such-route-xq");
        eventually(() -> metric(ok) >= ok0 + 2 && metric(notFound) >= nf0 + 1 && metric(unmatched) >= un0 + 1);
        String scrape = ServerFixture.get("/metrics").body();
        assertThat(scrape).doesNotContain("atlantis-xq").doesNotContain("no-such-route-xq")
            .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/sites/{id}\",status=\"200\",le=");
        assertThat(ServerFixture.get("/metrics").headers().firstValue("Content-Type").orElse(""))
            .startsWith("text/plain; version=0.0.4");
    }

    @Test
    void metricsCountCoverageCacheHitsAndMissesAndComputations() {
        String hit = "cache_gets_total{cache=\"coverage\",result=\"hit\"}";
        String miss = "cache_gets_total{cache=\"coverage\",result=\"miss\"}";
        String computed = "borderline_coverage_compute_seconds_count";
        double hit0 = metric(hit);
        double miss0 = metric(miss);
        double computed0 = metric(computed);
        String url = "/coverage/stats?site=narva&range_km=" + (3 + (System.nanoTime() % 1000) / 1000.0);
        assertThat(ServerFixture.get(url).statusCode()).isEqualTo(200);
        assertThat(ServerFixture.get(url).statusCode()).isEqualTo(200);
        eventually(() -> metric(hit) >= hit0 + 1);
        assertThat(metric(miss)).isGreaterThanOrEqualTo(miss0 + 1);
        assertThat(metric(computed)).isGreaterThanOrEqualTo(computed0 + 1);
    }

    @Test
    void metricsCountBatchRowsByOutcome() {
        String ok = "borderline_batch_rows_total{outcome=\"ok\"}";
        String error = "borderline_batch_rows_total{outcome=\"error\"}";
        double ok0 = metric(ok);
        double error0 = metric(error);
        HttpResponse<String> r = ServerFixture.post("/distance/batch?to=EST", "text/csv", "text/csv",
            "lat,lon\n59.4,24.7\n58.3,26.7\n57.5,27.1\n91,0\n");
        assertThat(r.statusCode()).isEqualTo(200);
        eventually(() -> metric(ok) >= ok0 + 3 && metric(error) >= error0 + 1);
    }

    @Test
    void everyRequestIsOneJsonLineInTheAccessLog() {
        Logger access = (Logger) LoggerFactory.getLogger("borderline.access");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        access.addAppender(appender);
        try {
            HttpResponse<String> r = ServerFixture.get("/sites/narva?dataset=ne10m");
            eventually(() -> appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("/sites/{id}")));
            JsonNode line = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("/sites/{id}")).map(BadInputTest::read).findFirst().orElseThrow();
            assertThat(line.get("method").asText()).isEqualTo("GET");
            assertThat(line.get("route").asText()).isEqualTo("/sites/{id}");
            assertThat(line.get("status").asInt()).isEqualTo(200);
            assertThat(line.get("bytes").asLong()).isEqualTo(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(line.get("duration_ms").asDouble()).isPositive();
            assertThat(line.get("remote").asText()).isEqualTo("127.0.0.1");
            assertThat(java.time.Instant.parse(line.get("time").asText())).isNotNull();
            assertThat(appender.list).allMatch(e -> !e.getFormattedMessage().contains("narva"));
        } finally {
            access.detachAppender(appender);
        }
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/health")).timeout(java.time.Duration.ofSeconds(300))
            .header("Origin", "https://gis.example.org").build());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/distance")).timeout(java.time.Duration.ofSeconds(300))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://gis.example.org")
            .header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void corsWhenConfiguredAllowsOnlyTheGivenOrigins() throws Exception {
        Javalin app = Main.start(TestData.get(), "127.0.0.1", 0,
            ServerOptions.DEFAULTS.withCorsOrigins(List.of("https://gis.example.org", "http://localhost:8080")));
        try {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(base + "/distance?from=narva&to=RUS")).timeout(java.time.Duration.ofSeconds(300))
                .header("Origin", "https://gis.example.org").build());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://gis.example.org");
            assertThat(allowed.headers().firstValue("Vary")).hasValue("Origin");
            HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(java.time.Duration.ofSeconds(300))
                .header("Origin", "https://evil.example").build());
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/distance/batch?to=BLR")).timeout(java.time.Duration.ofSeconds(300))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .build());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Content-Type");
            // an asynchronous process execution from a web page: Prefer in, Location out, DELETE to dismiss
            HttpResponse<String> job = send(HttpRequest.newBuilder(URI.create(base + "/processes/coverage/execution")).timeout(java.time.Duration.ofSeconds(300))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers",
                    "content-type, prefer").build());
            assertThat(job.statusCode()).isEqualTo(204);
            assertThat(job.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Prefer");
            assertThat(job.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("DELETE");
            assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("Location", "Preference-Applied");
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/distance")).timeout(java.time.Duration.ofSeconds(300))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/no-such-route")).timeout(java.time.Duration.ofSeconds(300)).build()).statusCode())
                .isEqualTo(404);
        } finally {
            app.stop();
        }
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/distance?from="
            + "a".repeat(ServerOptions.DEFAULTS.requestHeaderBytes()) + "&to=BLR")).timeout(java.time.Duration.ofSeconds(300)).build());
        assertThat(r.statusCode()).isEqualTo(414);
        problem(r.headers().firstValue("Content-Type"), r.body(), 414);
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/health")).timeout(java.time.Duration.ofSeconds(300))
            .header("X-Padding", "b".repeat(ServerOptions.DEFAULTS.requestHeaderBytes())).build());
        assertThat(r.statusCode()).isEqualTo(431);
        problem(r.headers().firstValue("Content-Type"), r.body(), 431);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsA413ProblemBeforeItIsRead() throws Exception {
        try (RawHttp http = new RawHttp(ServerFixture.port())) {
            http.sendRaw("POST /distance/batch?to=BLR HTTP/1.1\nHost: 127.0.0.1\nContent-Type: text/csv\n"
                + "Content-Length: " + (ServerOptions.DEFAULTS.batchMaxBodyBytes() + 1), "lat,lon\n".getBytes());
            http.readHead();
            assertThat(http.status).isEqualTo(413);
            problem(Optional.ofNullable(http.headers.get("content-type")), http.restOfBody(), 413);
        }
    }

    @Test
    void aStopLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
        Javalin app = Main.start(TestData.get(), "127.0.0.1", 0, ServerOptions.DEFAULTS);
        String base = "http://127.0.0.1:" + app.port();
        CompletableFuture<Void> stopped;
        try (RawHttp http = new RawHttp(app.port())) {
            http.startChunkedPost("/distance/batch?to=BLR", "text/csv", "application/x-ndjson");
            StringBuilder rows = new StringBuilder("id,lat,lon\n");
            for (int i = 0; i < 500; i++) {
                rows.append(i).append(",54.").append(i).append(",25.").append(i).append('\n');
            }
            http.chunk(rows.toString());
            // answers are arriving, the body is not finished: the batch is in flight; now stop the server
            http.readHead();
            assertThat(http.status).isEqualTo(200);
            assertThat(BadInputTest.read(http.bodyLine()).get("index").asInt()).isZero();
            stopped = CompletableFuture.runAsync(app::stop);
            eventually(() -> !readyAnswers200(base));
            http.chunk("500,55.5,26.5\n");
            http.endChunks();
            String[] lines = http.restOfBody().split("\n");
            JsonNode summary = BadInputTest.read(lines[lines.length - 1]).get("summary");
            assertThat(lines).hasSize(501); // rows 1 to 500 and the summary
            assertThat(summary.get("rows").asInt()).isEqualTo(501);
            assertThat(summary.get("ok").asInt()).isEqualTo(501);
            assertThat(summary.get("complete").asBoolean()).isTrue();
        }
        stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(readyAnswers200(base)).isFalse();
    }

    private static boolean readyAnswers200(String base) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/ready")).timeout(java.time.Duration.ofSeconds(300)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void problem(Optional<String> contentType, String body, int status) {
        assertThat(contentType.orElse("")).startsWith("application/problem+json");
        JsonNode p = BadInputTest.read(body);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).contains("limit");
        assertThat(body).doesNotContain("jetty").doesNotContain("<html");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one series in the scrape, 0 if absent. */
    static double metric(String series) {
        for (String line : ServerFixture.get("/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /** Waits up to 20 s for a condition the server makes true asynchronously (metrics are recorded after the response). */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package io.borderline.http;

import static io.borderline.http.ProcessCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.Main;
import io.borderline.TestData;
import io.borderline.jobs.JobStore;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per abstract test of OGC API - Processes - Part 1: Core 1.0 (OGC 18-062r2, Annex A) that this server
 * covers, named after it (the identifiers of the standard's abstract test suite and of its OGC test suite,
 * {@code ets-ogcapi-processes10}), over plain HTTP; every answer is also checked against openapi.yaml. The job
 * store's limits and the deadline are proved on a second server with small limits.
 */
class ProcessesConformanceTest {
    private static final String EXC = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";
    private static final String SMALL = "{\"inputs\":{\"site\":\"narva\",\"range_km\":5}}";
    private static Javalin limited;

    @AfterAll
    static void stop() {
        if (limited != null) {
            limited.stop();
        }
    }

    /** A server holding at most 2 jobs whose computations may take at most 1 s. */
    private static synchronized String limitedBase() {
        if (limited == null) {
            limited = Main.start(TestData.get(), "127.0.0.1", 0, ServerOptions.DEFAULTS
                .withJobLimits(new JobStore.Limits(2, 64L << 20, 3600)).withCoverageDeadlineSeconds(1));
        }
        return "http://127.0.0.1:" + limited.port();
    }

    /** {@code n} seeded points over the Baltic region as a distance-batch execute request to {@code to}. */
    static String batch(int n, String to) {
        Random r = new Random(20261201);
        List<String> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pts.add(String.format(java.util.Locale.ROOT, "[%.5f,%.5f]", 20 + 15 * r.nextDouble(), 50 + 10 * r.nextDouble()));
        }
        return "{\"inputs\":{\"to\":\"" + to + "\",\"points\":{\"type\":\"MultiPoint\",\"coordinates\":["
            + String.join(",", pts) + "]}}}";
    }

    @Test
    @DisplayName("/conf/core/landingpage-success: the landing page links the processes and the jobs")
    void landingpageSuccess() {
        JsonNode landing = json(ProcessCalls.get("/"));
        assertThat(ProcessesFlowTest.link(landing, "http://www.opengis.net/def/rel/ogc/1.0/processes"))
            .endsWith("/processes");
        assertThat(ProcessesFlowTest.link(landing, "http://www.opengis.net/def/rel/ogc/1.0/job-list"))
            .endsWith("/jobs");
    }

    @Test
    @DisplayName("/conf/core/conformance-success: core, ogc-process-description, json, job-list, dismiss, oas30")
    void conformanceSuccess() {
        List<String> classes = new ArrayList<>();
        JsonNode conformsTo = json(ProcessCalls.get("/conformance")).get("conformsTo");
        conformsTo.forEach(c -> classes.add(c.asText()));
        for (String c : List.of("core", "ogc-process-description", "json", "job-list", "dismiss", "oas30")) {
            assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/" + c);
        }
    }

    /**
     * /conf/oas30/oas-definition-1 and -2, completeness and exceptions-codes (OGC 18-062r2 Annex A, OpenAPI 3.0
     * class): the landing page links the definition as OpenAPI 3.0 JSON (service-desc) and as HTML (service-doc),
     * and the definition holds every Processes resource with its methods and the status codes it answers.
     */
    @Test
    @DisplayName("/conf/oas30: the definition as OpenAPI 3.0 and HTML, with every process and job resource and their error codes")
    void oas30DefinitionIsCompleteForProcesses() throws Exception {
        JsonNode landing = json(ProcessCalls.get("/"));
        String desc = null;
        String doc = null;
        for (JsonNode l : landing.get("links")) {
            if (l.get("rel").asText().equals("service-desc") && l.get("type").asText().startsWith("application/vnd.oai.openapi+json")) {
                desc = l.get("href").asText();
            }
            if (l.get("rel").asText().equals("service-doc") && l.get("type").asText().equals("text/html")) {
                doc = l.get("href").asText();
            }
        }
        assertThat(desc).isNotNull();
        assertThat(doc).isNotNull();
        HttpResponse<String> html = ProcessCalls.get(doc.substring(doc.indexOf("/api.html")));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("/processes/{processId}/execution").contains("/jobs/{jobId}/results");
        JsonNode api = json(ProcessCalls.get("/openapi.json"));
        assertThat(api.get("openapi").asText()).startsWith("3.0");
        Map<String, List<String>> resources = Map.of(
            "/processes", List.of("get"),
            "/processes/{processId}", List.of("get"),
            "/processes/{processId}/execution", List.of("post"),
            "/jobs", List.of("get"),
            "/jobs/{jobId}", List.of("get", "delete"),
            "/jobs/{jobId}/results", List.of("get"));
        for (var e : resources.entrySet()) {
            JsonNode path = api.get("paths").get(e.getKey());
            assertThat(path).as(e.getKey()).isNotNull();
            for (String method : e.getValue()) {
                JsonNode responses = path.get(method).get("responses");
                assertThat(responses.has("200") || responses.has("201")).as(method + " " + e.getKey()).isTrue();
                if (e.getKey().contains("{")) { // an unknown process or job is documented as the 404 it is
                    assertThat(responses.has("404")).as(method + " " + e.getKey() + " documents 404").isTrue();
                }
            }
        }
    }

    @Test
    @DisplayName("/conf/core/process-list-success: every summary has id, version, job control options and a link to its description")
    void processListSuccess() {
        for (JsonNode p : json(ProcessCalls.get("/processes")).get("processes")) {
            assertThat(p.get("version").asText()).isNotBlank();
            assertThat(p.get("jobControlOptions").toString()).contains("sync-execute", "async-execute", "dismiss");
            HttpResponse<String> d = ProcessCalls.get(ProcessesFlowTest.link(p, "self"));
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(json(d).get("id").asText()).isEqualTo(p.get("id").asText());
        }
    }

    @Test
    @DisplayName("/conf/core/process-description-success and /conf/ogc-process-description/json-encoding")
    void processDescriptionSuccess() {
        for (String id : List.of("coverage", "distance-batch")) {
            JsonNode d = json(ProcessCalls.get("/processes/" + id));
            assertThat(d.get("id").asText()).isEqualTo(id);
            assertThat(d.get("inputs").size()).isPositive();
            d.get("inputs").forEach(in -> {
                assertThat(in.get("schema").get("type").asText()).isIn("string", "number", "object");
                assertThat(in.get("minOccurs").asInt()).isLessThanOrEqualTo(in.get("maxOccurs").asInt());
            });
            assertThat(d.get("outputs").size()).isEqualTo(1);
            assertThat(d.get("outputs").elements().next().get("schema").get("contentMediaType").asText())
                .isEqualTo("application/geo+json");
        }
        assertThat(json(ProcessCalls.get("/processes/distance-batch")).get("inputs").get("points").get("minOccurs")
            .asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("/conf/core/process-exception-no-such-process: describe and execute answer 404 no-such-process")
    void processExceptionNoSuchProcess() {
        HttpResponse<String> describe = ProcessCalls.get("/processes/buffer-planar");
        HttpResponse<String> execute = ProcessCalls.execute("buffer-planar", SMALL, false);
        for (HttpResponse<String> r : List.of(describe, execute)) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(json(r).get("type").asText()).isEqualTo(EXC + "no-such-process");
        }
    }

    @Test
    @DisplayName("/conf/core/job-creation-request: what is not an execute request is a 400 problem")
    void jobCreationRequest() {
        for (String body : List.of("[]", "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},\"mode\":\"async\"}",
            "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},\"response\":\"ref\"}",
            "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},\"subscriber\":{\"successUri\":\"http://x\"}}",
            "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},\"outputs\":{\"coverage\":{\"transmissionMode\":\"reference\"}}}",
            "{\"inputs\":")) {
            HttpResponse<String> r = ProcessCalls.execute("coverage", body, false);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(ProcessCalls.type(r)).startsWith("application/problem+json");
        }
    }

    @Test
    @DisplayName("/conf/core/job-creation-input-validation: a bad input is a 400 naming it, before any job exists")
    void jobCreationInputValidation() {
        record Case(String process, String inputs, String input) {}
        for (Case c : List.of(new Case("coverage", "{\"site\":\"narva\",\"range_km\":5000}", "range_km"),
            new Case("coverage", "{\"site\":\"narva\",\"range_km\":5,\"colour\":\"red\"}", "colour"),
            new Case("coverage", "{\"site\":true,\"range_km\":5}", "site"),
            new Case("coverage", "{\"site\":{\"href\":\"http://example.org/site\"},\"range_km\":5}", "site"),
            new Case("distance-batch", "{\"to\":\"XXX\",\"points\":{\"type\":\"MultiPoint\",\"coordinates\":[]}}", "to"),
            new Case("distance-batch", "{\"to\":\"BLR\",\"points\":\"54,25\"}", "points"),
            new Case("distance-batch", "{\"to\":\"BLR\"}", "points"))) {
            int before = json(ProcessCalls.get("/jobs")).get("jobs").size();
            HttpResponse<String> r = ProcessCalls.execute(c.process(), "{\"inputs\":" + c.inputs() + "}", true);
            assertThat(r.statusCode()).as(c + " -> " + r.body()).isEqualTo(400);
            assertThat(json(r).get("parameter").asText()).isEqualTo(c.input());
            assertThat(json(ProcessCalls.get("/jobs")).get("jobs").size()).isLessThanOrEqualTo(before);
        }
        HttpResponse<String> tooMany = ProcessCalls.execute("distance-batch", batch(10_001, "BLR"), false);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("detail").asText()).contains("10001 points, more than 10000");
    }

    @Test
    @DisplayName("/conf/core/job-creation-default-execution-mode: without Prefer the process runs synchronously")
    void jobCreationDefaultExecutionMode() {
        HttpResponse<String> r = ProcessCalls.execute("coverage", SMALL, false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(json(r).get("type").asText()).isEqualTo("FeatureCollection");
    }

    @Test
    @DisplayName("/conf/core/job-creation-auto-execution-mode: Prefer respond-async is honoured (201 and Preference-Applied)")
    void jobCreationAutoExecutionMode() throws Exception {
        HttpResponse<String> r = ProcessCalls.execute("coverage", SMALL, true);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        ProcessCalls.awaitFinished(r.headers().firstValue("Location").orElseThrow(), 120);
        ProcessCalls.delete(r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    @DisplayName("/conf/core/job-creation-sync-raw-value-one: the one output itself, in its media type")
    void jobCreationSyncRawValueOne() {
        HttpResponse<String> r = ProcessCalls.execute("coverage", "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},"
            + "\"outputs\":{\"coverage\":{\"format\":{\"mediaType\":\"application/geo+json\"},\"transmissionMode\":"
            + "\"value\"}},\"response\":\"raw\"}", false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ProcessCalls.type(r)).startsWith("application/geo+json");
        ProcessesFlowTest.sameCoverage(json(r), json(ServerFixture.get("/coverage?site=narva&range_km=5")));
    }

    @Test
    @DisplayName("/conf/core/job-creation-sync-document: a results document holding the output by value")
    void jobCreationSyncDocument() {
        HttpResponse<String> r = ProcessCalls.execute("coverage",
            "{\"inputs\":{\"site\":\"narva\",\"range_km\":5},\"response\":\"document\"}", false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ProcessCalls.type(r)).startsWith("application/json");
        JsonNode doc = json(r);
        assertThat(doc.get("coverage").get("mediaType").asText()).isEqualTo("application/geo+json");
        ProcessesFlowTest.sameCoverage(doc.get("coverage").get("value"),
            json(ServerFixture.get("/coverage?site=narva&range_km=5")));
    }

    @Test
    @DisplayName("/conf/core/job-creation-success-async: 201, Location of the new job, its status info")
    void jobCreationSuccessAsync() throws Exception {
        HttpResponse<String> r = ProcessCalls.execute("coverage", SMALL, true);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode status = json(r);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/jobs/" + status.get("jobID").asText());
        assertThat(status.get("type").asText()).isEqualTo("process");
        assertThat(status.get("processID").asText()).isEqualTo("coverage");
        assertThat(ProcessCalls.get(location).statusCode()).isEqualTo(200);
        ProcessCalls.awaitFinished(location, 120);
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/core/job-success: status info with times, and the results link once successful")
    void jobSuccess() throws Exception {
        HttpResponse<String> r = ProcessCalls.execute("coverage", SMALL, true);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode done = ProcessCalls.awaitFinished(location, 120);
        assertThat(done.get("status").asText()).isEqualTo("successful");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        java.time.Instant created = java.time.Instant.parse(done.get("created").asText());
        java.time.Instant started = java.time.Instant.parse(done.get("started").asText());
        java.time.Instant finished = java.time.Instant.parse(done.get("finished").asText());
        assertThat(created).isBeforeOrEqualTo(started);
        assertThat(started).isBeforeOrEqualTo(finished);
        assertThat(java.time.Instant.parse(done.get("expires").asText())).isEqualTo(finished.plusSeconds(3600));
        assertThat(ProcessesFlowTest.link(done, "http://www.opengis.net/def/rel/ogc/1.0/results"))
            .isEqualTo(location + "/results");
        assertThat(done.get("message").asText()).contains("memory only", "lost on restart");
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/core/job-exception-no-such-job: 404 no-such-job")
    void jobExceptionNoSuchJob() {
        HttpResponse<String> r = ProcessCalls.get("/jobs/" + java.util.UUID.randomUUID());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("type").asText()).isEqualTo(EXC + "no-such-job");
    }

    @Test
    @DisplayName("/conf/core/job-results-async-raw-value-one: the results of a raw job are the output itself")
    void jobResultsAsyncRawValueOne() throws Exception {
        HttpResponse<String> r = ProcessCalls.execute("coverage", SMALL, true);
        String location = r.headers().firstValue("Location").orElseThrow();
        ProcessCalls.awaitFinished(location, 120);
        HttpResponse<String> results = ProcessCalls.get(location + "/results");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(ProcessCalls.type(results)).startsWith("application/geo+json");
        ProcessesFlowTest.sameCoverage(json(results), json(ServerFixture.get("/coverage?site=narva&range_km=5")));
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/core/job-results-async-document: the results of a document job are a results document")
    void jobResultsAsyncDocument() throws Exception {
        HttpResponse<String> r = ProcessCalls.execute("distance-batch", "{\"inputs\":{\"to\":\"RUS\",\"points\":"
            + "{\"type\":\"MultiPoint\",\"coordinates\":[[28.19028,59.37722]]}},\"response\":\"document\"}", true);
        String location = r.headers().firstValue("Location").orElseThrow();
        ProcessCalls.awaitFinished(location, 120);
        HttpResponse<String> results = ProcessCalls.get(location + "/results");
        assertThat(ProcessCalls.type(results)).startsWith("application/json");
        JsonNode row = json(results).get("distances").get("value").get("features").get(0).get("properties");
        JsonNode direct = json(ServerFixture.get("/distance?from=narva&to=RUS")).get("result");
        assertThat(row.get("distance_m").asDouble()).isEqualTo(direct.get("distance_m").asDouble());
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/core/job-results-exception-no-such-job: 404 no-such-job")
    void jobResultsExceptionNoSuchJob() {
        HttpResponse<String> r = ProcessCalls.get("/jobs/" + java.util.UUID.randomUUID() + "/results");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("type").asText()).isEqualTo(EXC + "no-such-job");
    }

    @Test
    @DisplayName("/conf/core/job-results-exception-results-not-ready: 404 result-not-ready while the job runs")
    void jobResultsExceptionResultsNotReady() throws Exception {
        // 10,000 points take seconds (about 0.3 ms each, BENCHMARKS.md): the job is still queued or running below
        HttpResponse<String> r = ProcessCalls.execute("distance-batch", batch(10_000, "RUS"), true);
        String location = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> early = ProcessCalls.get(location + "/results");
        String status = json(ProcessCalls.get(location)).get("status").asText();
        assertThat(status).as("the job must still be unfinished for this test to mean anything")
            .isIn("accepted", "running");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).get("type").asText()).isEqualTo(EXC + "result-not-ready");
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/core/job-results-failed: a failed job's results are the problem that failed it")
    void jobResultsFailed() throws Exception {
        // valid inputs, refused by the engine: a range fan whose edge runs through the North Pole (422)
        HttpResponse<String> r = ProcessCalls.execute("coverage",
            "{\"inputs\":{\"lat\":89,\"lon\":0,\"range_km\":2500,\"azimuth_from\":0,\"azimuth_to\":60}}", true);
        assertThat(r.statusCode()).isEqualTo(201);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode status = ProcessCalls.awaitFinished(location, 120);
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("message").asText()).contains("North Pole");
        HttpResponse<String> results = ProcessCalls.get(location + "/results");
        assertThat(results.statusCode()).isEqualTo(422);
        assertThat(json(results).get("type").asText()).isEqualTo("urn:borderline:problem:coverage-limit");
        assertThat(ServerFixture.get("/coverage?lat=89&lon=0&range_km=2500&azimuth_from=0&azimuth_to=60").statusCode())
            .isEqualTo(422);
        assertThat(ServerFixture.get("/coverage?lat=89&lon=0&range_km=2500").statusCode()).isEqualTo(200); // a cap
        assertThat(ServerFixture.get("/coverage?lat=89&lon=0&range_km=2500&azimuth_from=330&azimuth_to=30").statusCode())
            .isEqualTo(200); // a fan over the Pole
        ProcessCalls.delete(location);
    }

    @Test
    @DisplayName("/conf/job-list/job-list-success: the job list holds the jobs, newest first, as status infos")
    void jobListSuccess() throws Exception {
        String first = ProcessCalls.execute("coverage", SMALL, true).headers().firstValue("Location").orElseThrow();
        String second = ProcessCalls.execute("coverage", SMALL, true).headers().firstValue("Location").orElseThrow();
        List<String> ids = json(ProcessCalls.get("/jobs")).get("jobs").findValuesAsText("jobID");
        String a = first.substring(first.lastIndexOf('/') + 1);
        String b = second.substring(second.lastIndexOf('/') + 1);
        assertThat(ids).contains(a, b);
        assertThat(ids.indexOf(b)).isLessThan(ids.indexOf(a));
        for (String l : List.of(first, second)) {
            ProcessCalls.awaitFinished(l, 120);
            ProcessCalls.delete(l);
        }
    }

    @Test
    @DisplayName("/conf/dismiss/job-dismiss-success: dismissing a running job stops its computation and forgets it")
    void jobDismissSuccess() throws Exception {
        String base = limitedBase();
        dismissAll(base);
        // the deadline is 1 s here: dismiss at once, while it runs
        HttpResponse<String> r = ProcessCalls.execute(base, "distance-batch", batch(10_000, "RUS"), true);
        String location = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> dismissed = ProcessCalls.delete(location);
        assertThat(dismissed.statusCode()).isEqualTo(200);
        assertThat(json(dismissed).get("status").asText()).isEqualTo("dismissed");
        assertThat(ProcessCalls.get(location).statusCode()).isEqualTo(404);
        awaitIdle(base);
    }

    @Test
    @DisplayName("Job limits: a job past the deadline fails 503 and frees its compute slot")
    void aJobPastTheDeadlineIsCancelledAndFreesItsSlot() throws Exception {
        String base = limitedBase();
        dismissAll(base);
        // Russia whole at 100.5 km: under the cost estimate's limit, seconds of work even on a warm JVM (source
        // preparation, tens of thousands of outline vertices) and never cached on this server, so its 1 s deadline
        // always bites. (A batch of 10,000 points does not: warm, it takes a fraction of a second.)
        String body = "{\"inputs\":{\"from\":\"RUS\",\"range_km\":100.5}}";
        HttpResponse<String> r = ProcessCalls.execute(base, "coverage", body, true);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode status = ProcessCalls.awaitFinished(location, 120);
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("failed");
        HttpResponse<String> results = ProcessCalls.get(location + "/results");
        assertThat(results.statusCode()).isEqualTo(503);
        assertThat(json(results).get("type").asText()).isEqualTo("urn:borderline:problem:deadline-exceeded");
        awaitIdle(base, "coverage");
        dismissAll(base);
    }

    @Test
    @DisplayName("Job limits: a full store answers 503 with Retry-After until a job goes; synchronous runs go on")
    void aFullStoreRefusesWithRetryAfter() throws Exception {
        String base = limitedBase();
        dismissAll(base);
        String first = ProcessCalls.execute(base, "coverage", SMALL, true).headers().firstValue("Location")
            .orElseThrow();
        ProcessCalls.awaitFinished(first, 120);
        String second = ProcessCalls.execute(base, "coverage", SMALL, true).headers().firstValue("Location")
            .orElseThrow();
        HttpResponse<String> full = ProcessCalls.execute(base, "coverage", SMALL, true);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(json(full).get("type").asText()).isEqualTo("urn:borderline:problem:job-store-full");
        int retryAfter = Integer.parseInt(full.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3000, 3600); // the first job expires an hour after it finished
        assertThat(ServerFixture.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).timeout(java.time.Duration.ofSeconds(300)).GET()
            .build()).body()).contains("borderline_jobs_held 2.0");
        assertThat(ProcessCalls.execute(base, "coverage", SMALL, false).statusCode())
            .as("synchronous execution does not need the store").isEqualTo(200);
        ProcessCalls.delete(first);
        assertThat(ProcessCalls.execute(base, "coverage", SMALL, true).statusCode()).isEqualTo(201);
        ProcessCalls.awaitFinished(second, 120);
        dismissAll(base);
    }

    private static void dismissAll(String base) {
        json(ProcessCalls.get(base + "/jobs")).get("jobs").findValuesAsText("jobID")
            .forEach(id -> ProcessCalls.delete(base + "/jobs/" + id));
    }

    /** Waits until no batch computation runs on the server (its gate's gauge in /metrics), at most 10 s. */
    private static void awaitIdle(String base) throws InterruptedException {
        awaitIdle(base, "batch");
    }

    /** Waits until no computation runs through the named gate ("batch", "coverage"); fails after 10 s. */
    private static void awaitIdle(String base, String gate) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String metrics = ServerFixture.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                + "/metrics")).timeout(java.time.Duration.ofSeconds(300)).GET().build()).body();
            if (metrics.contains("borderline_compute_running{gate=\"" + gate + "\"} 0.0")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a " + gate + " computation still runs 10 s after its job was stopped");
    }
}

package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls of the OGC API - Processes flow, each answer checked against openapi.yaml. */
final class ProcessCalls {
    private ProcessCalls() {}

    static HttpResponse<String> get(String pathOrUrl) {
        HttpResponse<String> r = ServerFixture.send(HttpRequest.newBuilder(uri(pathOrUrl)).timeout(java.time.Duration.ofSeconds(300)).GET().build());
        conforms(Request.Method.GET, r);
        return r;
    }

    static HttpResponse<String> delete(String pathOrUrl) {
        HttpResponse<String> r = ServerFixture.send(HttpRequest.newBuilder(uri(pathOrUrl)).timeout(java.time.Duration.ofSeconds(300)).DELETE().build());
        conforms(Request.Method.DELETE, r);
        return r;
    }

    /** POST /processes/{id}/execution with the execute request {@code body}; {@code async} adds Prefer: respond-async. */
    static HttpResponse<String> execute(String process, String body, boolean async) {
        return execute(ServerFixture.base(), process, body, async);
    }

    /** As {@link #execute(String, String, boolean)} on the server at {@code base}. */
    static HttpResponse<String> execute(String base, String process, String body, boolean async) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/processes/" + process + "/execution")).timeout(java.time.Duration.ofSeconds(300))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (async) {
            b.header("Prefer", "respond-async");
        }
        HttpResponse<String> r = ServerFixture.send(b.build());
        Request request = SimpleRequest.Builder.post("/processes/" + process + "/execution")
            .withContentType("application/json").withBody(body).build();
        ValidationReport report = ContractTest.VALIDATOR.validateResponse(request.getPath(), Request.Method.POST,
            response(r));
        assertThat(report.getMessages()).as("POST " + process + " -> " + r.statusCode() + " " + brief(r)).isEmpty();
        return r;
    }

    /** Polls the job's status until it has finished (successful or failed), at most {@code seconds}. */
    static JsonNode awaitFinished(String location, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            HttpResponse<String> r = get(location);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode status = json(r);
            String s = status.get("status").asText();
            if (s.equals("successful") || s.equals("failed")) {
                return status;
            }
            assertThat(System.nanoTime()).as("job still " + s + " after " + seconds + " s").isLessThan(end);
            Thread.sleep(100);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + brief(r), e);
        }
    }

    static String type(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static void conforms(Request.Method method, HttpResponse<String> r) {
        String path = r.uri().getPath();
        ValidationReport report = ContractTest.VALIDATOR.validateResponse(path, method, response(r));
        assertThat(report.getMessages()).as(method + " " + path + " -> " + r.statusCode() + " " + brief(r)).isEmpty();
    }

    private static SimpleResponse response(HttpResponse<String> r) {
        return SimpleResponse.Builder.status(r.statusCode()).withContentType(type(r)).withBody(r.body()).build();
    }

    private static URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : ServerFixture.base() + pathOrUrl);
    }

    private static String brief(HttpResponse<String> r) {
        String b = r.body();
        return b.length() > 400 ? b.substring(0, 400) + "…" : b;
    }
}

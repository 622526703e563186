package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.coverage.Cancellation;
import io.borderline.coverage.CoverageLimitException;
import io.borderline.jobs.Job;
import io.borderline.jobs.JobStore;
import io.borderline.json.Json;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * OGC API - Processes - Part 1: Core (OGC 18-062r2), with the OGC Process Description, JSON, job list and
 * dismiss conformance classes: {@code /processes}, {@code /processes/{processId}}, {@code POST
 * /processes/{processId}/execution} (synchronous by default, asynchronous with {@code Prefer: respond-async}),
 * {@code /jobs}, {@code /jobs/{jobId}}, {@code /jobs/{jobId}/results} and {@code DELETE /jobs/{jobId}}.
 * Inputs are validated before anything runs (400); the computations are the ones of the matching
 * endpoints, through the same gates, deadline and cancellation; jobs live in a bounded in-memory
 * {@link JobStore}. Outputs are sent by value only.
 */
final class ProcessesApi {
    static final String REL_PROCESSES = "http://www.opengis.net/def/rel/ogc/1.0/processes";
    static final String REL_JOB_LIST = "http://www.opengis.net/def/rel/ogc/1.0/job-list";
    static final String REL_EXECUTE = "http://www.opengis.net/def/rel/ogc/1.0/execute";
    static final String REL_RESULTS = "http://www.opengis.net/def/rel/ogc/1.0/results";
    static final String REL_STATUS = "http://www.opengis.net/def/rel/ogc/1.0/status";
    static final List<String> CONFORMANCE = List.of(
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
        "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30");
    private static final String EXCEPTIONS = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";
    static final String NO_SUCH_PROCESS = EXCEPTIONS + "no-such-process";
    static final String NO_SUCH_JOB = EXCEPTIONS + "no-such-job";
    static final String RESULT_NOT_READY = EXCEPTIONS + "result-not-ready";
    /** How long a queued job waits for a compute slot before it fails, milliseconds (a request waits 3 s). */
    static final long JOB_SLOT_WAIT_MILLIS = 60_000;
    private static final Set<String> EXECUTE_MEMBERS = Set.of("inputs", "outputs", "response", "subscriber");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final JobStore jobs;

    ProcessesApi(List<Process> processes, JobStore jobs) {
        processes.forEach(p -> this.processes.put(p.id(), p));
        this.jobs = jobs;
    }

    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/processes", this::list);
        r.put("/processes/{processId}", this::describe);
        r.put("/jobs", this::jobList);
        r.put("/jobs/{jobId}", this::status);
        r.put("/jobs/{jobId}/results", this::results);
        return r;
    }

    Map<String, Handler> postRoutes() {
        return Map.of("/processes/{processId}/execution", this::execute);
    }

    Map<String, Handler> deleteRoutes() {
        return Map.of("/jobs/{jobId}", this::dismiss);
    }

    // ------------------------------------------------------------------ processes

    private void list(Context ctx) {
        Params.of(ctx, Set.of());
        String base = OgcApi.base(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        ArrayNode list = m.putArray("processes");
        for (Process p : processes.values()) {
            ObjectNode summary = p.description().deepCopy();
            summary.remove(List.of("inputs", "outputs"));
            summary.set("links", processLinks(base, p));
            list.add(summary);
        }
        ArrayNode links = m.putArray("links");
        Links.add(links, base + "/processes", "self", BorderlineApi.JSON, "The processes");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void describe(Context ctx) {
        Params.of(ctx, Set.of());
        Process p = process(ctx);
        ObjectNode d = p.description().deepCopy();
        d.set("links", processLinks(OgcApi.base(ctx), p));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(d));
    }

    private static ArrayNode processLinks(String base, Process p) {
        ArrayNode links = Json.MAPPER.createArrayNode();
        Links.add(links, base + "/processes/" + p.id(), "self", BorderlineApi.JSON, "Process description");
        Links.add(links, base + "/processes/" + p.id() + "/execution", REL_EXECUTE, BorderlineApi.JSON,
            "Execute (POST)");
        return links;
    }

    private Process process(Context ctx) {
        Process p = processes.get(ctx.pathParam("processId"));
        if (p == null) {
            throw new ApiException(404, NO_SUCH_PROCESS, "No such process", "no process with id '"
                + Params.shorten(ctx.pathParam("processId")) + "'", null, String.join(", ", processes.keySet()));
        }
        return p;
    }

    // ------------------------------------------------------------------ execution

    /** How the execute request wants its result: raw (the output itself, the default) or a results document. */
    private record Execution(Process process, LongFunction<byte[]> work, boolean document, long inputBytes) {}

    private void execute(Context ctx) throws IOException {
        Params.of(ctx, Set.of());
        Process p = process(ctx);
        JsonNode body = UserGeometryApi.body(ctx, EXECUTE_MEMBERS, List.of());
        Execution ex = execution(p, body);
        if (async(ctx.header("Prefer"))) {
            Job job;
            try {
                job = jobs.submit(p.id(), ex.inputBytes(), () -> output(ex, JOB_SLOT_WAIT_MILLIS, true));
            } catch (JobStore.FullException e) {
                throw new ApiException(503, "job-store-full", "Job store full", e.getMessage(), null, null)
                    .retryAfter(e.retryAfterSeconds());
            }
            String base = OgcApi.base(ctx);
            ctx.status(201);
            ctx.header("Location", base + "/jobs/" + job.id());
            ctx.header("Preference-Applied", "respond-async");
            ctx.contentType(BorderlineApi.JSON).result(Json.write(statusInfo(base, job.view())));
            return;
        }
        Job.Output out = output(ex, ComputeGate.WAIT_MILLIS, false);
        ctx.contentType(out.contentType()).result(out.body());
    }

    /** Validates the execute request and its inputs (400 on anything wrong) before any work. */
    private static Execution execution(Process p, JsonNode body) {
        if (body.has("subscriber")) {
            throw new ApiException(400, "invalid-body", "Invalid body", "'subscriber': callbacks are not supported;"
                + " poll GET /jobs/{jobId} instead", null, "an execute request without subscriber");
        }
        boolean document = false;
        if (body.has("response")) {
            String r = body.get("response").asText();
            if (!body.get("response").isTextual() || !(r.equals("raw") || r.equals("document"))) {
                throw new ApiException(400, "invalid-body", "Invalid body", "'response' must be raw or document",
                    null, "raw (the output itself, the default), document (a results document)");
            }
            document = r.equals("document");
        }
        if (body.has("outputs")) {
            outputs(p, body.get("outputs"));
        }
        JsonNode inputs = body.get("inputs");
        LongFunction<byte[]> work = p.prepare(inputs);
        long inputBytes = inputs == null ? 0 : Json.write(inputs).length();
        return new Execution(p, work, document, inputBytes);
    }

    /** The requested outputs: only the process's one output, by value, in its media type. */
    private static void outputs(Process p, JsonNode outputs) {
        String allowed = "{\"" + p.outputId() + "\": {\"format\": {\"mediaType\": \"" + p.outputMediaType()
            + "\"}, \"transmissionMode\": \"value\"}}";
        if (!outputs.isObject()) {
            throw new ApiException(400, "invalid-body", "Invalid body", "'outputs' must be an object", null, allowed);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            boolean ok = e.getKey().equals(p.outputId()) && o.isObject()
                && (!o.has("transmissionMode") || o.get("transmissionMode").asText().equals("value"))
                && (!o.has("format") || !o.get("format").has("mediaType")
                    || o.get("format").get("mediaType").asText().equals(p.outputMediaType()));
            if (!ok) {
                throw new ApiException(400, "invalid-body", "Invalid body", "output '" + Params.shorten(e.getKey())
                    + "' cannot be given as asked: process '" + p.id() + "' has the one output '" + p.outputId()
                    + "', sent by value as " + p.outputMediaType(), null, allowed);
            }
        }
    }

    /**
     * Runs the work; in a job, the problems a request would get become the job's failure (the results then
     * answer with that problem), and a cancellation (deadline, dismissal) ends it.
     */
    private static Job.Output output(Execution ex, long waitMillis, boolean job) {
        byte[] bytes;
        try {
            bytes = ex.work().apply(waitMillis);
        } catch (ApiException e) {
            if (!job) {
                throw e;
            }
            throw new JobStore.FailedException(new Job.Failure(e.status(), e.type(), e.title(), e.getMessage()));
        } catch (CoverageLimitException e) {
            if (!job) {
                throw e;
            }
            throw new JobStore.FailedException(new Job.Failure(422, "coverage-limit", "Coverage not computed",
                e.getMessage()));
        } catch (Cancellation.CancelledException e) {
            if (!job) {
                throw e;
            }
            throw new JobStore.FailedException(new Job.Failure(503, "deadline-exceeded",
                "Computation deadline exceeded", "the computation was cancelled (deadline or dismissal)"));
        }
        if (!ex.document()) {
            return new Job.Output(bytes, ex.process().outputMediaType());
        }
        // a results document: {"<output id>": {"mediaType": ..., "value": <the output>}} (results.yaml)
        String head = "{" + Json.write(ex.process().outputId()) + ":{\"mediaType\":"
            + Json.write(ex.process().outputMediaType()) + ",\"value\":";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] doc = new byte[h.length + bytes.length + 2];
        System.arraycopy(h, 0, doc, 0, h.length);
        System.arraycopy(bytes, 0, doc, h.length, bytes.length);
        doc[doc.length - 2] = '}';
        doc[doc.length - 1] = '}';
        return new Job.Output(doc, BorderlineApi.JSON);
    }

    /** True if the Prefer header (RFC 7240) asks for {@code respond-async}. */
    static boolean async(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String pref : prefer.split(",")) {
            String token = pref.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (token.equals("respond-async")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ jobs

    private void jobList(Context ctx) {
        Params.of(ctx, Set.of());
        String base = OgcApi.base(ctx);
        ObjectNode m = Json.MAPPER.createObjectNode();
        ArrayNode list = m.putArray("jobs");
        for (Job j : jobs.list()) {
            list.add(statusInfo(base, j.view()));
        }
        ArrayNode links = m.putArray("links");
        Links.add(links, base + "/jobs", "self", BorderlineApi.JSON, "The jobs (" + JobStore.NOTE + ")");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void status(Context ctx) {
        Params.of(ctx, Set.of());
        ctx.contentType(BorderlineApi.JSON).result(Json.write(statusInfo(OgcApi.base(ctx), job(ctx).view())));
    }

    private void results(Context ctx) {
        Params.of(ctx, Set.of());
        Job.View v = job(ctx).view();
        if (v.status() == Job.Status.failed) {
            Job.Failure f = v.failure();
            throw new ApiException(f.status(), f.type(), f.title(), "the job failed: " + f.detail(), null, null);
        }
        if (v.status() != Job.Status.successful) {
            throw new ApiException(404, RESULT_NOT_READY, "Result not ready", "job '" + v.id() + "' is " + v.status()
                + "; poll GET /jobs/" + v.id() + " until it is successful", null, null);
        }
        ctx.contentType(v.output().contentType()).result(v.output().body());
    }

    private void dismiss(Context ctx) {
        Params.of(ctx, Set.of());
        String id = ctx.pathParam("jobId");
        Job job = jobs.dismiss(id).orElseThrow(() -> noSuchJob(id));
        ctx.contentType(BorderlineApi.JSON).result(Json.write(statusInfo(OgcApi.base(ctx), job.view())));
    }

    private Job job(Context ctx) {
        String id = ctx.pathParam("jobId");
        return jobs.get(id).orElseThrow(() -> noSuchJob(id));
    }

    private static ApiException noSuchJob(String id) {
        return new ApiException(404, NO_SUCH_JOB, "No such job", "no job with id '" + Params.shorten(id) + "': it"
            + " never existed, was dismissed, or was forgotten (" + JobStore.NOTE + ")", null, "see GET /jobs");
    }

    /** The status of a job (statusInfo.yaml), with a link to its results once it is successful. */
    private ObjectNode statusInfo(String base, Job.View v) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("processID", v.processId());
        m.put("type", "process");
        m.put("jobID", v.id());
        m.put("status", v.status().name());
        m.put("message", v.message() + (v.done() || v.status() == Job.Status.dismissed ? "" : "; " + JobStore.NOTE));
        m.put("created", v.created().toString());
        put(m, "started", v.started());
        put(m, "finished", v.finished());
        m.put("updated", v.updated().toString());
        if (v.done()) {
            m.put("progress", 100);
            m.put("expires", jobs.expires(v.finished()).toString());
        }
        ArrayNode links = m.putArray("links");
        if (v.status() != Job.Status.dismissed) {
            Links.add(links, base + "/jobs/" + v.id(), "self", BorderlineApi.JSON, "Job status");
        }
        if (v.status() == Job.Status.successful) {
            Links.add(links, base + "/jobs/" + v.id() + "/results", REL_RESULTS, v.output().contentType(), "Job results");
        }
        return m;
    }

    private static void put(ObjectNode m, String name, Instant t) {
        if (t != null) {
            m.put(name, t.toString());
        }
    }

}

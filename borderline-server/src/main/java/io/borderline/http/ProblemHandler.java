package io.borderline.http;

import io.borderline.json.Json;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns errors into {@code application/problem+json} (RFC 9457) responses. */
final class ProblemHandler {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private ProblemHandler() {}

    static void apiException(ApiException e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        // a type that is already a URI (an OGC exception type) is kept as it is
        body.put("type", e.type().contains(":") ? e.type() : "urn:borderline:problem:" + e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("instance", ctx.path());
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        if (e.allowed() != null) {
            body.put("allowed", e.allowed());
        }
        if (e.status() >= 500) { // an operator needs the request a 5xx answered (the soak asks for zero)
            String query = ctx.queryString() == null ? "" : "?" + Params.shorten(ctx.queryString());
            LOG.warn("{} {}{} answered {} {}: {}", ctx.method(), ctx.path(), query, e.status(), e.type(),
                e.getMessage());
        }
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        } else if (e.status() == 503) {
            ctx.header("Retry-After", Integer.toString(ComputeGate.DEADLINE_RETRY_AFTER_SECONDS));
        }
        if (e.status() == 429 && e.retryAfterSeconds() == null) {
            ctx.header("Retry-After", Integer.toString(ComputeGate.RETRY_AFTER_SECONDS));
        }
        write(ctx, e.status(), body);
    }

    /** Javalin's own refusals (e.g. a body over {@code maxRequestSize}) keep their status. */
    static void httpResponse(io.javalin.http.HttpResponseException e, Context ctx) {
        if (e.getStatus() >= 500) {
            unexpected(e, ctx);
            return;
        }
        switch (e.getStatus()) {
            case 404 -> status(ctx, 404, "Not found", "no resource at " + Params.shorten(ctx.path()));
            case 405 -> status(ctx, 405, "Method not allowed", Params.shorten(ctx.method().name()) + " is not supported on "
                + Params.shorten(ctx.path()));
            case 413 -> status(ctx, 413, "Payload too large", "the request body is larger than the limit");
            default -> status(ctx, e.getStatus(), io.javalin.http.HttpStatus.forStatus(e.getStatus()).getMessage(),
                Params.shorten(String.valueOf(e.getMessage())));
        }
    }

    /** Anything unexpected is a bug: log it with its stack trace, answer without one. */
    static void unexpected(Exception e, Context ctx) {
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:borderline:problem:internal-error");
        body.put("title", "Internal error");
        body.put("status", 500);
        body.put("detail", "the server failed to answer this request; it has been logged");
        body.put("instance", ctx.path());
        write(ctx, 500, body);
    }

    static void status(Context ctx, int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:borderline:problem:" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        write(ctx, status, body);
    }

    private static void write(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(Json.write(body));
    }
}

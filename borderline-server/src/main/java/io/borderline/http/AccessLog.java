package io.borderline.http;

import io.borderline.json.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured access log and the request metrics, fed by Jetty when a response is complete
 * (so it sees every request, including those Jetty refuses before routing, and the bytes actually
 * written, also for streamed answers). One JSON object per request on the slf4j logger
 * {@code borderline.access}:
 *
 * <pre>{"time":"2026-11-20T10:15:02.123Z","method":"GET","route":"/sites/{id}","status":200,
 * "duration_ms":1.84,"bytes":1234,"remote":"127.0.0.1"}</pre>
 *
 * {@code route} is the route template (never the raw path, so no ids or query strings are logged),
 * {@code unmatched} when no route matched; {@code duration_ms} runs from the first byte of the
 * request to the last of the response; {@code bytes} counts the response body. Thread-safe.
 */
final class AccessLog implements RequestLog {
    /** Request attribute holding the matched route template; set by the route wrapper in {@link OpsApi}. */
    static final String ROUTE_ATTRIBUTE = "borderline.route";
    private static final Logger LOG = LoggerFactory.getLogger("borderline.access");

    private final Metrics metrics;

    AccessLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        Object route = request.getAttribute(ROUTE_ATTRIBUTE);
        String routeName = route instanceof String s ? s : Metrics.UNMATCHED;
        int status = response.getStatus();
        metrics.request(request.getMethod(), routeName, status, nanos);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(Request.getTimeStamp(request)).toString());
        line.put("method", Params.shorten(request.getMethod()));
        line.put("route", routeName);
        line.put("status", status);
        line.put("duration_ms", Math.round(nanos / 10_000.0) / 100.0);
        line.put("bytes", Response.getContentBytesWritten(response));
        line.put("remote", Request.getRemoteAddr(request));
        LOG.info(Json.write(line));
    }
}

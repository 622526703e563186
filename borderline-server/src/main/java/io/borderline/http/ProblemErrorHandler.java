package io.borderline.http;

import io.borderline.json.Json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (requests it rejects before any route sees them: ambiguous or encoded
 * paths such as {@code /sites/%00}, malformed requests) as RFC 9457 problems instead of
 * Jetty's HTML page, without stack traces or versions.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ServerOptions options;

    ProblemErrorHandler(ServerOptions options) {
        this.options = options;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_STATUS) instanceof Integer s) {
            status = s;
        }
        if (status < 400) {
            status = 500;
        }
        byte[] body;
        if (status == 400 && pathRejected(request)) {
            // a path that climbs above the root (/web/../../x) or hides a dot-segment or separator in an
            // escape (%2e%2e, ..%2f) names no resource: 404, like any other path nothing is served at
            status = 404;
            body = body(404, "no resource at this path: it is ambiguous or leaves the served root");
        } else {
            body = body(status);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemHandler.CONTENT_TYPE);
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * Whether Jetty refused the request for its path: its URI parser answers "Bad URI" for a path that
     * climbs above the root or hides a dot-segment in an escape (the request then reaches us as
     * {@code /badMessage}), and a URI that got further carries the violation itself.
     */
    private static boolean pathRejected(Request request) {
        for (Object t = request.getAttribute(ERROR_EXCEPTION); t instanceof Throwable e; t = e.getCause()) {
            if (e instanceof IllegalArgumentException && "Bad URI".equals(e.getMessage())) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        var uri = request.getHttpURI();
        return uri != null && !"/badMessage".equals(uri.getPath())
            && (uri.getCanonicalPath() == null || uri.hasViolations());
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemHandler.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        String title = HttpStatus.getMessage(status);
        return body(status, switch (status) {
            case 413 -> "the request body is larger than the limit of " + options.batchMaxBodyBytes() + " bytes";
            case 414 -> "the request line is longer than the limit of " + options.requestHeaderBytes() + " bytes";
            case 431 -> "the request headers are larger than the limit of " + options.requestHeaderBytes() + " bytes";
            case 503 -> "the service is shutting down; retry on another instance or later";
            default -> status >= 500 ? "the server failed to answer this request" : "the request was rejected before"
                + " routing: " + title.toLowerCase(java.util.Locale.ROOT) + " (e.g. an encoded control character or an"
                + " ambiguous path)";
        });
    }

    private static byte[] body(int status, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "urn:borderline:problem:" + switch (status) {
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "request-header-fields-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        });
        m.put("title", status == 404 ? "Not found" : HttpStatus.getMessage(status));
        m.put("status", status);
        m.put("detail", detail);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }
}

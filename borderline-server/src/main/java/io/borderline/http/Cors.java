package io.borderline.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for web GIS clients, off unless origins are configured. When on, a request
 * whose {@code Origin} is one of the allowed origins (exact {@code scheme://host[:port]},
 * case-insensitive; {@code *} allows any) gets {@code Access-Control-Allow-Origin} with that
 * origin; other origins get no CORS header, so browsers keep the answer from their scripts.
 * Preflight requests ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) are
 * answered 204 for allowed origins and 403 otherwise, on any path; other {@code OPTIONS} requests are 405.
 * Credentials are never allowed (the API has none). When off, nothing here is registered:
 * no {@code Access-Control-*} header is ever sent and {@code OPTIONS} is a 405.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, HEAD, POST, DELETE";
    static final String ALLOWED_HEADERS = "Accept, Content-Type, Prefer";
    // a web client of the processes needs the job address, the applied preference and DELETE to dismiss
    static final String EXPOSED_HEADERS = "Retry-After, Location, Preference-Applied";
    static final int MAX_AGE_SECONDS = 600;

    private final Set<String> origins;
    private final boolean any;

    Cors(List<String> origins) {
        this.origins = origins.stream().map(Cors::normalise).collect(Collectors.toUnmodifiableSet());
        this.any = this.origins.contains("*");
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    void register(JavalinConfig cfg) {
        if (!enabled()) {
            return;
        }
        cfg.routes.before(ctx -> {
            addHeaders(ctx);
            if (ctx.method() == HandlerType.OPTIONS && ctx.header("Origin") != null
                && ctx.header("Access-Control-Request-Method") != null) {
                preflight(ctx);
                ctx.skipRemainingHandlers();
            }
        });
    }

    private boolean allowed(String origin) {
        return origin != null && (any || origins.contains(normalise(origin)));
    }

    private void addHeaders(Context ctx) {
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (allowed(origin)) {
            ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (!allowed(origin)) {
            ProblemHandler.status(ctx, 403, "Forbidden", "origin " + Params.shorten(origin) + " is not allowed"
                + " cross-origin access (see --cors-origins)");
            return;
        }
        ctx.status(204);
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}

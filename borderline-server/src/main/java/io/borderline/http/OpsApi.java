package io.borderline.http;

import io.borderline.json.Json;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Operations: {@code GET /ready} and {@code GET /metrics}, and the server settings that keep the
 * service well-behaved in production — request size limits enforced by Jetty, graceful stop,
 * the access log and request metrics, CORS. {@code GET /health} (liveness) stays in
 * {@link BorderlineApi}.
 *
 * <p>Stopping (SIGTERM, or {@code Javalin.stop()}): {@code /ready} turns 503 first, the connector
 * stops accepting connections, requests in flight get up to {@link ServerOptions#shutdownTimeoutMillis()}
 * to finish (new requests on open connections get 503), then the server stops.
 */
final class OpsApi {
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerOptions options;
    private final Readiness readiness = new Readiness();
    private final Metrics metrics = new Metrics();
    private final Cors cors;

    OpsApi(ServerOptions options) {
        this.options = options;
        this.cors = new Cors(options.corsOrigins());
    }

    Metrics metrics() {
        return metrics;
    }

    void monitorCache(Cache<?, ?> cache) {
        metrics.monitorCache(cache, "coverage");
    }

    /** {@code GET} routes of this class. */
    Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/ready", this::ready);
        r.put("/metrics", this::metrics);
        return r;
    }

    /** Jetty limits, graceful stop, access log, route tags for metrics, readiness events, CORS. */
    void configure(JavalinConfig cfg) {
        cfg.http.maxRequestSize = options.batchMaxBodyBytes();
        cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(options.requestHeaderBytes()));
        cfg.jetty.modifyServer(server -> {
            server.insertHandler(new SizeLimitHandler(options.batchMaxBodyBytes(), -1));
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(options.shutdownTimeoutMillis());
            server.setRequestLog(new AccessLog(metrics));
        });
        cfg.router.handlerWrapper(endpoint -> {
            if (!endpoint.method.isHttpMethod()) {
                return endpoint.handler;
            }
            String route = endpoint.path;
            return ctx -> {
                ctx.req().setAttribute(AccessLog.ROUTE_ATTRIBUTE, route);
                endpoint.handler.handle(ctx);
            };
        });
        cfg.routes.after(OpsApi::cacheHeaders);
        cfg.events.serverStarted(readiness::started);
        cfg.events.serverStopping(this::drain);
        cors.register(cfg);
    }

    /**
     * Coverages, their statistics and maps are pure functions of the request and the embedded data (which
     * only changes with a release): a shared cache (CDN, reverse proxy) may keep a successful answer for a day,
     * and every replica would compute the same bytes. Errors (429, 503, 4xx) are never cached. Tiles set their own
     * headers (ETag, an hour); distances are cheap and not marked.
     */
    private static void cacheHeaders(Context ctx) {
        String path = ctx.path();
        if (ctx.statusCode() == 200 && "GET".equals(ctx.method().name()) && ctx.res().getHeader("Cache-Control") == null
            && (path.startsWith("/coverage") || path.startsWith("/maps/"))) {
            ctx.header("Cache-Control", "public, max-age=" + COVERAGE_MAX_AGE_S);
        }
    }

    /** How long shared caches may keep a coverage, coverage statistics or map answer, seconds. */
    static final int COVERAGE_MAX_AGE_S = 86_400;

    /**
     * The start of a stop: /ready turns 503 at once, and for {@link ServerOptions#drainMillis()} the server
     * goes on serving (Javalin fires this event before Jetty closes its connector), so a load balancer's health
     * check sees the 503 and sends no new request here before the port closes.
     */
    private void drain() {
        readiness.stopping();
        if (options.drainMillis() > 0) {
            try {
                Thread.sleep(options.drainMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ready(Context ctx) {
        Params.of(ctx, Set.of());
        Readiness.State state = readiness.state();
        if (state != Readiness.State.READY) {
            ProblemHandler.status(ctx, 503, "Not ready", state == Readiness.State.STOPPING
                ? "the service is shutting down" : "the service is starting");
            ctx.header("Retry-After", "5");
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ready");
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    private void metrics(Context ctx) {
        Params.of(ctx, Set.of());
        ctx.contentType(PROMETHEUS).result(metrics.scrape());
    }
}

package io.borderline.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * The web map page: {@code GET /} for browsers (content negotiation with the OGC API landing page,
 * which stays JSON for GIS clients and curl), its own scripts and styles under {@code /web/}, and
 * Leaflet from its WebJar under {@code /webjars/leaflet/1.9.4/}. Nothing is loaded from elsewhere.
 *
 * <p>The static files are served by {@link ClasspathFiles} on routes of their own that are not part of the API
 * contract ({@code openapi.yaml} documents {@code /} with both of its representations, and the contract test
 * compares the documented paths with {@link BorderlineApi#routes()}, which does not list these). Only files
 * below the two class-path directories are served; a path that tries to leave them is refused before any file
 * is looked up (404 problem+json; {@code WebPageTest} proves it).
 */
final class WebPage {
    /** The page's policy: its own scripts, styles and data only, no inline script, never framed. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
        + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String HTML = "text/html; charset=utf-8";
    /**
     * Query parameters of {@code /} as the web map: {@code f} and {@code dataset}, and the view a shared URL holds
     * (the point or site, the coverage source, drone or range, time rings, fan), which the page's script reads
     * and checks itself (unknown values are ignored there, as they change nothing the server answers).
     */
    static final Set<String> VIEW_PARAMS = Set.of("f", "dataset", "site", "lat", "lon", "from", "drone", "range_km",
        "minutes", "azimuth_from", "azimuth_to", "min_range_km");
    static final String LEAFLET = "/webjars/leaflet/1.9.4";

    private static final byte[] PAGE = load("/web/index.html");

    private WebPage() {
    }

    /** Serves {@code /web/*} (the page's scripts and styles) and Leaflet's distribution files. */
    static void register(JavalinConfig cfg) {
        // revalidated on every load (ETag), so a new release of the page is picked up at once
        ClasspathFiles page = new ClasspathFiles("/web", "no-cache");
        // a versioned path: its bytes never change
        ClasspathFiles leaflet = new ClasspathFiles("/META-INF/resources" + LEAFLET, "public, max-age=31536000, immutable");
        for (var files : Map.of("/web", page, LEAFLET, leaflet).entrySet()) {
            cfg.routes.get(files.getKey() + "/<path>", files.getValue()::serve);
            cfg.routes.head(files.getKey() + "/<path>", files.getValue()::serve);
        }
    }

    /**
     * True when {@code /} should answer with the page: {@code f=html}, or no {@code f} and an
     * {@code Accept} header that ranks HTML above JSON (what browsers send). {@code f=json},
     * {@code Accept: application/json}, {@code *}{@code /*} (curl) and no header at all get JSON,
     * the OGC API default.
     */
    static boolean wanted(Context ctx, String f) {
        if (f != null) {
            return f.equals("html");
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String part : accept.split(",")) {
            String[] fields = part.trim().split(";");
            String type = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String[] kv = fields[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(kv[1].trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!(q > 0 && q <= 1)) {
                continue;
            }
            switch (type) {
                case "text/html", "application/xhtml+xml" -> html = Math.max(html, q);
                case "application/json", "application/*", "*/*" -> json = Math.max(json, q);
                default -> { }
            }
        }
        return html > json;
    }

    /** Writes the page with its own security policy (the API's default policy allows nothing). */
    static void serve(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(HTML).result(PAGE);
    }

    private static byte[] load(String path) {
        try (InputStream in = WebPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

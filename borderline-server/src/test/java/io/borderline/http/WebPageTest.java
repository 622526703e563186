package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web map page over plain HTTP: content negotiation on {@code /}, the page's own security policy,
 * the static files it needs, and paths that try to leave the served directories.
 */
class WebPageTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String BROWSER_ACCEPT =
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ServerFixture.base() + pathAndQuery)).timeout(java.time.Duration.ofSeconds(300)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "/          | " + BROWSER_ACCEPT + " | html",
        "/?f=html   | NONE                   | html",
        "/?f=html   | application/json       | html",
        "/?dataset=ne10m | text/html         | html",
        "/          | NONE                   | json",
        "/          | */*                    | json",
        "/          | application/json       | json",
        "/          | text/html;q=0.5, application/json | json",
        "/          | application/json, text/html | json",
        "/          | text/html;q=0, */*     | json",
        "/?f=json   | " + BROWSER_ACCEPT + " | json",
    })
    void rootNegotiatesBetweenThePageAndTheLandingPage(String path, String accept, String expected) throws Exception {
        HttpResponse<String> r = get(path.trim(), accept == null ? null : accept.trim());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
        String type = r.headers().firstValue("Content-Type").orElse("");
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        if (expected.trim().equals("html")) {
            assertThat(type).startsWith("text/html");
            assertThat(csp).isEqualTo(WebPage.CSP);
            assertThat(r.body()).contains("<script type=\"module\" src=\"/web/app.js\"></script>");
        } else {
            assertThat(type).startsWith("application/json");
            assertThat(csp).isEqualTo(API_CSP);
            JsonNode landing = BadInputTest.read(r.body());
            assertThat(landing.get("links").findValuesAsText("rel")).contains("service-desc", "conformance", "data",
                "alternate");
        }
    }

    @Test
    void unknownFormatsAreRefusedNamingF() throws Exception {
        HttpResponse<String> r = get("/?f=pdf", BROWSER_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(BadInputTest.read(r.body()).get("parameter").asText()).isEqualTo("f");
        assertThat(BadInputTest.read(r.body()).get("allowed").asText()).isEqualTo("json, html");
    }

    /** A shared view's URL opens the page (its script reads the view); the JSON landing page still refuses it. */
    @Test
    void aSharedViewOpensThePageAndIsRefusedAsJson() throws Exception {
        String view = "/?site=daugavpils&from=here&drone=lancet&azimuth_from=200&azimuth_to=340&min_range_km=5"
            + "&minutes=10,20&lat=55.9&lon=26.5&range_km=40";
        HttpResponse<String> page = get(view, BROWSER_ACCEPT);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        HttpResponse<String> json = get(view, "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(BadInputTest.read(json.body()).get("parameter").asText()).isIn("site", "from", "drone",
            "azimuth_from", "azimuth_to", "min_range_km", "minutes", "lat", "lon", "range_km");
        assertThat(get("/?f=html&typo=1", null).statusCode()).isEqualTo(400);
    }

    /** The policy forbids inline script, inline handlers and style attributes; the page must not need them. */
    @Test
    void thePageHasNoInlineScriptOrStyleAndNoExternalResources() throws Exception {
        String html = get("/?f=html", null).body();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"/");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive(); // the map script and the claim-check form's script
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContainPattern("(?i)\\sstyle\\s*=")
            .doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    /** Every file the page and its script reference is served, from this service, with the page's policy. */
    @Test
    void everyAssetThePageUsesIsServedWithThePagePolicy() throws Exception {
        List<String> assets = new ArrayList<>();
        String html = get("/?f=html", null).body();
        Matcher m = Pattern.compile("(?:src|href)=\"(/(?:web|webjars)/[^\"]+)\"").matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        String js = get("/web/app.js", null).body();
        Matcher imports = Pattern.compile("(?m)^import .* from '([^']+)';").matcher(js);
        while (imports.find()) {
            assets.add(imports.group(1));
        }
        assertThat(assets).contains("/web/app.js", "/web/app.css", "/web/favicon.svg",
            "/webjars/leaflet/1.9.4/dist/leaflet.css", "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js");
        // leaflet.css points at its images relative to itself
        assets.add("/webjars/leaflet/1.9.4/dist/images/layers.png");
        for (String a : assets) {
            HttpResponse<String> r = get(a, null);
            assertThat(r.statusCode()).as(a).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(a).isEqualTo(WebPage.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options").orElse("")).as(a).isEqualTo("nosniff");
            String type = r.headers().firstValue("Content-Type").orElse("");
            String expected = a.endsWith(".js") ? "text/javascript" : a.endsWith(".css") ? "text/css"
                : a.endsWith(".svg") ? "image/svg+xml" : a.endsWith(".png") ? "image/png" : "?";
            assertThat(type).as(a).startsWith(expected);
        }
    }

    /** The page's files revalidate (no-cache, ETag, 304); Leaflet's versioned files are immutable; HEAD has no body. */
    @Test
    void staticFilesCarryTagsAndCachingRules() throws Exception {
        HttpResponse<String> js = get("/web/app.js", null);
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/web/app.js"))
            .header("If-None-Match", "W/" + etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.css", null);
        assertThat(leaflet.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(leaflet.body()).contains(".leaflet-container");
        HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(URI.create(ServerFixture.base() + "/web/app.css"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theApiKeepsItsOwnPolicy() throws Exception {
        for (String path : List.of("/health", "/drones", "/nothing-here")) {
            assertThat(get(path, BROWSER_ACCEPT).headers().firstValue("Content-Security-Policy").orElse(""))
                .as(path).isEqualTo(API_CSP);
        }
    }

    /**
     * Paths that climb out of the served directories, plainly or hidden in escapes, sent byte for byte
     * (no client-side normalisation): 404 problem+json, never a file.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "/webjars/../../etc/passwd", "/%2e%2e/pom.xml", "/web/..%2f..%2fpom.xml", "/web/../../../../etc/passwd",
        "/web/%2e%2e/%2e%2e/pom.xml", "/web/%2e%2e%2f%2e%2e%2fpom.xml", "/web/..%5c..%5cpom.xml",
        "/webjars/leaflet/1.9.4/../../../../META-INF/MANIFEST.MF", "/webjars/leaflet/1.9.4/dist/../../../../pom.xml",
        "/web/../io/borderline/Main.class", "/web/%252e%252e/pom.xml", "/web//etc/passwd", "/web/.%2e/openapi.yaml",
        "/webjars/leaflet/1.9.4/%2e%2e/%2e%2e/%2e%2e/%2e%2e/META-INF/MANIFEST.MF", "/web/nope.js",
        "/webjars/leaflet/1.9.4/dist/", "/webjars/leaflet/", "/web/./../pom.xml",
    })
    void pathsOutsideTheServedFilesAre404Problems(String rawPath) throws Exception {
        String[] response = rawGet(rawPath);
        String head = response[0];
        String body = response[1];
        assertThat(head).as(rawPath).startsWith("HTTP/1.1 404 ");
        assertThat(head.toLowerCase(java.util.Locale.ROOT)).as(rawPath)
            .contains("content-type: application/problem+json");
        assertThat(BadInputTest.read(body).get("status").asInt()).isEqualTo(404);
        assertThat(body).doesNotContain("root:").doesNotContain("<project").doesNotContain("Manifest-Version")
            .doesNotContain("openapi:");
    }

    /** One HTTP/1.1 GET over a socket, the path exactly as given; returns the head and the body. */
    private static String[] rawGet(String rawPath) throws IOException {
        URI base = URI.create(ServerFixture.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new String[] {head, body};
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, eol).trim().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            // sizes are in bytes; problem bodies here are ASCII
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

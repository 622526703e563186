package io.borderline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The requests of the build's training run ({@code --cds-training}): the JVM that answers them, started with
 * {@code -XX:ArchiveClassesAtExit}, writes every class they load to {@code target/borderline.jsa}, and the
 * README's start command maps that archive ({@code -XX:SharedArchiveFile}) instead of loading and verifying
 * those classes one by one from the jar: the server's start-up and its first answers are mostly class loading.
 * A first query of each kind a user makes first (a distance, a claim, the web page and its base map, the OGC
 * landing page, a place search), not a load test: the run takes seconds.
 */
final class ClassDataTraining {
    private static final List<String> PATHS = List.of(
        "/health", "/ready", "/distance?lat=53.9&lon=27.56&to=BLR", "/distance?lat=54.6872&lon=25.2797&to=BLR&border=land",
        "/claims/vilnius-blr", "/countries", "/drones",
        "/datasets", "/?f=json", "/?f=html", "/web/app.js",
        "/collections/sites/items?limit=10", "/tiles/6/36/20.mvt?layers=countries,borders", "/places?q=vilnius",
        "/openapi.json", "/distance?lat=999&lon=0&to=BLR", "/nothing-here");

    private ClassDataTraining() {
    }

    /** Sends each request to the service at {@code base} and reads its answer; fails on a 5xx. */
    static void run(String base) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : PATHS) {
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() >= 500) {
                    throw new IllegalStateException("training request " + path + " answered " + r.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("training request " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}

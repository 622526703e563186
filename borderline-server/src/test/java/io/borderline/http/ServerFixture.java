package io.borderline.http;

import io.borderline.Main;
import io.borderline.TestData;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One running server on a free loopback port, shared by the HTTP tests. */
public final class ServerFixture {
    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServerFixture() {}

    public static synchronized String base() {
        if (app == null) {
            app = Main.start(TestData.get(), "127.0.0.1", 0);
        }
        return "http://127.0.0.1:" + app.port();
    }

    static int port() {
        base();
        return app.port();
    }

    static HttpResponse<String> post(String pathAndQuery, String contentType, String accept, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(java.time.Duration.ofSeconds(300)).header("Content-Type", contentType)
            .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks for the base-map tiles of the web page's first view, as a started service's warm-up encodes them
     * ({@code TilesApi.warmUp}); returns how many answered 200 or 204.
     */
    public static int warmFirstViewTiles() {
        int ok = 0;
        for (io.borderline.tiles.TileId t : TilesApi.firstViewTiles()) {
            int status = get("/tiles/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt?layers="
                + String.join(",", TilesApi.BASE_MAP)).statusCode();
            ok += status == 200 || status == 204 ? 1 : 0;
        }
        return ok;
    }

    public static HttpResponse<String> get(String pathAndQuery) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(java.time.Duration.ofSeconds(300)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

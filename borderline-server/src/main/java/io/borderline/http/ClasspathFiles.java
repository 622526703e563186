package io.borderline.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files of one class-path directory served under a route's {@code <path>}: with a content type from the
 * name, a strong ETag (304 on a match), the page's security policy and the given {@code Cache-Control}.
 *
 * <p>Written here rather than Javalin's static-file handler because that handler has Jetty mount the whole
 * server jar (26,000 entries) as a file system per directory, about a second of start-up and 20 MB of heap for
 * the page's 130 small files. A file is read once through the class loader (which already has the jar open) and
 * kept: the set is bounded by what the jar holds, and a path that names no file is never cached. Only plain
 * relative names are looked up: segments of letters, digits, {@code _}, {@code -} and inner dots, so nothing
 * can climb out of the directory, however escaped ({@code WebPageTest} tries).
 */
final class ClasspathFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*"
        + "(/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)*");
    private static final Map<String, String> TYPES = Map.of(
        "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
        "html", "text/html; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
        "json", "application/json", "map", "application/json", "txt", "text/plain; charset=utf-8",
        "md", "text/markdown; charset=utf-8");

    private record File(byte[] bytes, String type, String etag) {}

    private final String directory;
    private final String cacheControl;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** The files below class-path {@code directory} (absolute, no trailing slash). */
    ClasspathFiles(String directory, String cacheControl) {
        this.directory = directory;
        this.cacheControl = cacheControl;
    }

    /** Answers the file named by the route's {@code path} parameter, or a 404 problem. */
    void serve(Context ctx) {
        File f = find(ctx.pathParam("path"));
        if (f == null) {
            ProblemHandler.status(ctx, 404, "Not found", "no resource at " + Params.shorten(ctx.path()));
            return;
        }
        ctx.header("Content-Security-Policy", WebPage.CSP);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", f.etag());
        if (TilesApi.matches(ctx.header("If-None-Match"), f.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(f.type()).result(f.bytes());
    }

    private File find(String path) {
        if (path == null || !SAFE.matcher(path).matches()) {
            return null;
        }
        File known = files.get(path);
        if (known != null) {
            return known;
        }
        try (InputStream in = ClasspathFiles.class.getResourceAsStream(directory + "/" + path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            File f = new File(bytes, TYPES.getOrDefault(ext, "application/octet-stream"), TilesApi.etag(bytes));
            files.put(path, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

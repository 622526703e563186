package io.borderline.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external client program (GDAL, QGIS's Python, LibreOffice, Chromium, ...) for a test that
 * drives it. Locally a missing tool skips the test; under {@code CI=true} it fails it, because
 * {@code .ci/run} installs every such tool and a silently skipped client test would prove nothing.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** True when running under CI ({@code CI=true}), where every client tool must be present. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns the first of {@code candidates} (absolute paths or names looked up on {@code PATH}) that is
     * an executable file; skips the calling test when none is and we are not in CI, fails it when we are.
     */
    public static Path require(String... candidates) {
        for (String c : candidates) {
            Path found = find(c);
            if (found != null) {
                return found;
            }
        }
        missing("none of " + Arrays.toString(candidates) + " is installed");
        return null; // unreachable
    }

    /** Skips the calling test locally, fails it under CI, because {@code what} is missing. */
    public static void missing(String what) {
        if (inCi()) {
            throw new AssertionError(what + " (CI=true: .ci/run must install it)");
        }
        Assumptions.abort(what + "; skipped locally (it fails under CI=true)");
    }

    private static Path find(String candidate) {
        if (candidate.contains("/")) {
            Path p = Path.of(candidate);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

package io.borderline.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external client program (GDAL, QGIS's Python, LibreOffice, Chromium, ...) for a test that
 * drives it. Locally a missing tool skips the test; under CI it fails it, because {@code .ci/run} installs
 * every such tool and a silently skipped client test would prove nothing. "Under CI" means the {@code CI}
 * variable is set to anything but empty or a false word: CI systems set {@code true}, {@code 1} or {@code yes}.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** True when running under CI, where every client tool must be present. */
    public static boolean inCi() {
        return isCi(System.getenv("CI"));
    }

    /** Whether a value of the {@code CI} variable means CI: set, not blank, and not false, 0, no or off. */
    static boolean isCi(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return !Set.of("false", "0", "no", "off").contains(value.trim().toLowerCase(Locale.ROOT));
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
            throw new AssertionError(what + " (CI=" + System.getenv("CI") + ": .ci/run must install it)");
        }
        Assumptions.abort(what + "; skipped locally (it fails under CI, e.g. CI=true or CI=1)");
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

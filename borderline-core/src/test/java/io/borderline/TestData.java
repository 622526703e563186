package io.borderline;

import io.borderline.data.BorderlineData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The committed data, loaded once per test JVM (loading and indexing takes a few seconds). */
public final class TestData {
    public static final Path DIR = Path.of("data");
    private static BorderlineData data;

    private TestData() {}

    public static synchronized BorderlineData get() {
        if (data == null) {
            data = BorderlineData.load(DIR);
        }
        return data;
    }

    /** Copies the committed data directory into {@code dir}, for tests that damage or lock their copy. */
    public static void copyInto(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path src : files.toList()) {
                Path dst = dir.resolve(DIR.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

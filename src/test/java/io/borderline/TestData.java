package io.borderline;

import io.borderline.data.BorderlineData;
import java.nio.file.Path;

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
}

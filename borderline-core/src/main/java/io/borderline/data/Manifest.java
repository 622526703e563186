package io.borderline.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data/MANIFEST.sha256}: the SHA-256 of every data file, in {@code sha256sum} format so
 * it can also be checked with {@code sha256sum -c}. The service refuses to start if a listed
 * file is missing or differs.
 */
public final class Manifest {
    public static final String FILE_NAME = "MANIFEST.sha256";

    private final Map<String, String> sha256ByPath;

    private Manifest(Map<String, String> sha256ByPath) {
        this.sha256ByPath = sha256ByPath;
    }

    public static Manifest read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "is missing");
        }
        Map<String, String> map = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                    throw new DataFileException(file, "has a malformed line: " + line);
                }
                map.put(parts[1], parts[0]);
            }
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage());
        }
        return new Manifest(map);
    }

    /** The listed files, in the manifest's order. */
    public List<String> paths() {
        return List.copyOf(sha256ByPath.keySet());
    }

    /** True if the manifest lists {@code relative}. */
    public boolean lists(String relative) {
        return sha256ByPath.containsKey(relative);
    }

    /** Fails, naming the file, if {@code relative} is not listed or its checksum differs. */
    public void verify(Path dataDir, String relative) {
        Path file = dataDir.resolve(relative);
        String expected = sha256ByPath.get(relative);
        if (expected == null) {
            throw new DataFileException(file, "is not listed in " + FILE_NAME);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "is missing");
        }
        String actual = sha256(file);
        if (!expected.equals(actual)) {
            throw new DataFileException(file, "fails its checksum (expected SHA-256 " + expected
                + ", found " + actual + "); rebuild the data or restore the file");
        }
    }

    public static void write(Path dataDir, List<String> relativePaths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String rel : relativePaths) {
            sb.append(sha256(dataDir.resolve(rel))).append("  ").append(rel).append('\n');
        }
        Files.writeString(dataDir.resolve(FILE_NAME), sb.toString(), StandardCharsets.UTF_8);
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

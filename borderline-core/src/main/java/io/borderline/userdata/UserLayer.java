package io.borderline.userdata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A named layer read from the operator's layer folder at start-up: a user-supplied source for
 * distances ({@code to=layer:NAME}) and coverages ({@code from=layer:NAME}), and an OGC API
 * collection ({@code layer-NAME}). Never mixed with the embedded, checksummed data: every answer
 * that uses it names it as user-supplied with its file's SHA-256.
 *
 * @param name the file name without its extension
 * @param fileName the file name
 * @param format "geojson" or "gpkg"
 * @param fileSha256 SHA-256 (hex) of the file's bytes as read
 * @param loadedAt when it was read
 * @param loadMillis how long reading, repairing and indexing took, milliseconds
 * @param target the repaired and indexed geometry
 */
public record UserLayer(String name, String fileName, String format, String fileSha256, Instant loadedAt,
                        long loadMillis, UserTarget target) {
    /** Prefix of a layer in source parameters: {@code to=layer:NAME}, {@code from=layer:NAME}. */
    public static final String PREFIX = "layer:";
    /** Prefix of a layer's OGC API collection id: {@code layer-NAME} (URL-safe, no colon). */
    public static final String COLLECTION_PREFIX = "layer-";

    /** The OGC API collection id. */
    public String collectionId() {
        return COLLECTION_PREFIX + name;
    }

    /** How answers describe the layer: its origin, file, hash, size, extent and load time. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("origin", "user-supplied");
        m.put("file_name", fileName);
        m.put("format", format);
        m.put("file_sha256", fileSha256);
        m.put("geometry_sha256", target.sha256());
        m.put("feature_count", target.features().size());
        Map<String, Object> t = target.describe();
        m.put("kind", t.get("kind"));
        m.put("bbox", t.get("bbox"));
        m.put("vertex_count", t.get("vertex_count"));
        m.put("area_km2", t.get("area_km2"));
        m.put("length_km", t.get("length_km"));
        m.put("repair", target.repair());
        m.put("loaded_at", loadedAt.toString());
        m.put("load_ms", loadMillis);
        m.put("collection", collectionId());
        return m;
    }

    /** The layer's extent, longitude/latitude. */
    public Envelope bbox() {
        @SuppressWarnings("unchecked")
        List<Double> b = (List<Double>) target.describe().get("bbox");
        return new Envelope(b.get(0), b.get(2), b.get(1), b.get(3));
    }
}

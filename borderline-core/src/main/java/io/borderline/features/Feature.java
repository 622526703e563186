package io.borderline.features;

import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a published layer: what OGC API Features items, KML placemarks and vector tile
 * features are made from.
 *
 * <p>A feature's geometry may be decoded on each call ({@link #lazy}) rather than held: the world's countries
 * are 8.9 million vertices in 1.9 million rings (lakes are holes of the land), about 400 MB decoded, which a
 * published layer would otherwise keep for as long as the service runs. Its bounding box is known without
 * decoding.
 */
public final class Feature {
    private final String id;
    private final Geometry geometry;
    private final Supplier<Geometry> decoder;
    private final Envelope envelope;
    private final int numPoints;
    private final java.util.function.Predicate<Envelope> mayIntersect;
    private final Map<String, Object> properties;

    /**
     * @param id stable identifier, unique within its layer
     * @param geometry longitude/latitude on WGS84, or null for features without a location (drone classes)
     * @param properties flat property values (strings, numbers, booleans, null), in display order
     */
    public Feature(String id, Geometry geometry, Map<String, Object> properties) {
        this.id = id;
        this.geometry = geometry;
        this.decoder = null;
        this.envelope = geometry == null ? null : geometry.getEnvelopeInternal();
        this.numPoints = geometry == null ? 0 : geometry.getNumPoints();
        this.mayIntersect = null;
        this.properties = properties;
    }

    private Feature(String id, Supplier<Geometry> decoder, Envelope envelope, int numPoints,
                    java.util.function.Predicate<Envelope> mayIntersect, Map<String, Object> properties) {
        this.id = id;
        this.geometry = null;
        this.decoder = decoder;
        this.envelope = envelope;
        this.numPoints = numPoints;
        this.mayIntersect = mayIntersect;
        this.properties = properties;
    }

    /**
     * A feature whose geometry {@code decoder} supplies on each call, with its bounding box and vertex count
     * known beforehand.
     */
    public static Feature lazy(String id, Supplier<Geometry> decoder, Envelope envelope, int numPoints,
                               Map<String, Object> properties) {
        return new Feature(id, decoder, envelope, numPoints, null, properties);
    }

    /**
     * As {@link #lazy(String, Supplier, Envelope, int, Map)}, with a test that may answer "no part here" for a
     * box inside the envelope without decoding (a territory's cell raster: Russia's or the United States'
     * envelope spans the globe).
     */
    public static Feature lazy(String id, Supplier<Geometry> decoder, Envelope envelope, int numPoints,
                               java.util.function.Predicate<Envelope> mayIntersect, Map<String, Object> properties) {
        return new Feature(id, decoder, envelope, numPoints, mayIntersect, properties);
    }

    /**
     * False only if the feature certainly has nothing in the longitude/latitude box; answered without decoding.
     */
    public boolean mayIntersect(Envelope lonLatBox) {
        return envelope != null && envelope.intersects(lonLatBox)
            && (mayIntersect == null || mayIntersect.test(lonLatBox));
    }

    /** Vertex count of the geometry (without decoding), 0 without a location. */
    public int numPoints() {
        return numPoints;
    }

    public String id() {
        return id;
    }

    /** Longitude/latitude on WGS84, or null for a feature without a location; a lazy feature decodes it. */
    public Geometry geometry() {
        return decoder != null ? decoder.get() : geometry;
    }

    /** True if {@link #geometry} decodes on each call (a consumer that keeps what it needs may cache it). */
    public boolean onDemand() {
        return decoder != null;
    }

    /** True if the feature has a location (without decoding it). */
    public boolean located() {
        return envelope != null;
    }

    /** Bounding box in longitude/latitude (without decoding), or null for a feature without a location. */
    public Envelope envelope() {
        return envelope;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The property as text for equality filters; null when absent or null. */
    public String text(String property) {
        Object v = properties.get(property);
        return v == null ? null : v.toString();
    }

    @Override
    public String toString() {
        return "Feature[" + id + "]";
    }
}

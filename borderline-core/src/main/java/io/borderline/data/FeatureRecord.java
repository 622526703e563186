package io.borderline.data;

import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One geometry of a boundary dataset file: a country's land territory ({@code kind} "country"),
 * or the shared boundary line of two countries ({@code kind} "border" and its parts). Coordinates
 * are longitude/latitude on WGS84, x = longitude.
 *
 * <p>A record read from a file knows its envelope and size at once and decodes its geometry on
 * the first call of {@link #geometry()} (then keeps it): the world's files hold about 250
 * countries, and a query touches few of them. Thread-safe.
 */
public final class FeatureRecord {
    public static final String COUNTRY = "country";
    public static final String BORDER = "border";
    /** The part of a border where the two land polygons share edges. */
    public static final String BORDER_LAND = "border-land";
    /** The part of a border in inland water: a river or a lake. */
    public static final String BORDER_WATER = "border-water";
    /** The part of a border at sea: where two territorial seas meet. */
    public static final String BORDER_SEA = "border-sea";

    private final String kind;
    private final String id;
    private final Map<String, String> properties;
    private final Envelope envelope;
    private final int numPoints;
    private final Geometry geometry; // given, or null for a record decoded on use
    private final Supplier<Geometry> decoder;
    private final Lazy<Geometry> decoded; // kept once decoded (not for a country: see geometry())

    /**
     * @param kind "country", "border", "border-land", "border-water", "border-sea" or "dataset"
     * @param id ISO 3166-1 alpha-3 code (or RUS-KGD), or a border id such as BLR-LTU
     * @param properties string properties carried with the geometry (names, lengths, repair notes)
     * @param geometry the geometry, valid per JTS
     */
    public FeatureRecord(String kind, String id, Map<String, String> properties, Geometry geometry) {
        this.kind = kind;
        this.id = id;
        this.properties = properties;
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        this.numPoints = geometry.getNumPoints();
        this.decoder = null;
        this.decoded = null;
    }

    /** A record whose geometry is decoded on first use. */
    FeatureRecord(String kind, String id, Map<String, String> properties, Envelope envelope, int numPoints,
                  Supplier<Geometry> decoder) {
        this.kind = kind;
        this.id = id;
        this.properties = properties;
        this.envelope = envelope;
        this.numPoints = numPoints;
        this.geometry = null;
        this.decoder = decoder;
        this.decoded = new Lazy<>(decoder);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** Bounding box, longitude/latitude degrees (known without decoding). */
    public Envelope envelope() {
        return envelope;
    }

    /** Number of vertices (known without decoding). */
    public int numPoints() {
        return numPoints;
    }

    /** True once the geometry is in memory. */
    public boolean decoded() {
        return geometry != null || decoded.peek() != null;
    }

    /**
     * The geometry, decoded on the first call and kept, except a country's: the world's land decoded is about
     * 400 MB (its lakes are 1.9 million holes), so a territory is decoded on each call and kept only by what
     * indexes it ({@link Territory}).
     */
    public Geometry geometry() {
        if (geometry != null) {
            return geometry;
        }
        return kind.equals(COUNTRY) ? decoder.get() : decoded.get();
    }

}

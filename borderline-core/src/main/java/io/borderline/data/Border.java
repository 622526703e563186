package io.borderline.data;

import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * The shared boundary line of two countries in one dataset. Its geometries are decoded on first
 * use (the world has about 320 borders per dataset). Thread-safe.
 *
 * <p>Accessors keep the names of the former record: {@link #id()}, {@link #a()}, {@link #b()},
 * {@link #lengthKm()}, {@link #line()}, {@link #properties()}, {@link #landPart()},
 * {@link #waterPart()}, plus {@link #seaPart()}.
 */
public final class Border {
    private final String id;
    private final CountryCode a;
    private final CountryCode b;
    private final double lengthKm;
    private final Map<String, String> properties;
    private final Supplier<Geometry> line;
    private final Supplier<Geometry> landPart;
    private final Supplier<Geometry> waterPart;
    private final Supplier<Geometry> seaPart;

    /**
     * @param id border id, the two codes in alphabetical order joined by "-" (e.g. BLR-LTU, LTU-RUS-KGD)
     * @param lengthKm geodesic length, km
     * @param line the line, longitude/latitude
     * @param properties further properties from the data build (land, water and sea lengths, what the line is)
     * @param landPart the part where the two land polygons share edges, or null if the dataset does not split
     * @param waterPart the part in inland water (river, lake), or null
     */
    public Border(String id, CountryCode a, CountryCode b, double lengthKm, Geometry line,
                  Map<String, String> properties, Geometry landPart, Geometry waterPart) {
        this(id, a, b, lengthKm, properties, () -> line, supplier(landPart), supplier(waterPart), null);
    }

    /** A border whose geometries come from suppliers (null supplier: the dataset has no such part). */
    public Border(String id, CountryCode a, CountryCode b, double lengthKm, Map<String, String> properties,
                  Supplier<Geometry> line, Supplier<Geometry> landPart, Supplier<Geometry> waterPart,
                  Supplier<Geometry> seaPart) {
        this.id = id;
        this.a = a;
        this.b = b;
        this.lengthKm = lengthKm;
        this.properties = properties;
        this.line = line;
        this.landPart = landPart;
        this.waterPart = waterPart;
        this.seaPart = seaPart;
    }

    private static Supplier<Geometry> supplier(Geometry g) {
        return g == null ? null : () -> g;
    }

    public String id() {
        return id;
    }

    public CountryCode a() {
        return a;
    }

    public CountryCode b() {
        return b;
    }

    public double lengthKm() {
        return lengthKm;
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** The whole political line (land, inland water and sea). */
    public Geometry line() {
        return line.get();
    }

    /**
     * The line as {@code which} defines it: the whole political line, or with {@link BorderLine#LAND} the
     * land and inland-water parts only (empty for a border that lies wholly at sea). A dataset that does not
     * split its borders (Natural Earth: land boundaries only) gives its one line for both.
     */
    public Geometry line(BorderLine which) {
        if (which == BorderLine.POLITICAL || !split()) {
            return line();
        }
        java.util.List<Geometry> lines = new java.util.ArrayList<>();
        for (Geometry part : new Geometry[] {landPart(), waterPart()}) {
            for (int i = 0; part != null && i < part.getNumGeometries(); i++) {
                if (!part.getGeometryN(i).isEmpty()) {
                    lines.add(part.getGeometryN(i));
                }
            }
        }
        return line().getFactory().buildGeometry(lines);
    }

    /** Where the two land polygons share edges, or null if the dataset does not split its borders. */
    public Geometry landPart() {
        return landPart == null ? null : landPart.get();
    }

    /** In a river or lake, or null. */
    public Geometry waterPart() {
        return waterPart == null ? null : waterPart.get();
    }

    /** At sea, where two territorial seas meet, or null. */
    public Geometry seaPart() {
        return seaPart == null ? null : seaPart.get();
    }

    /** True if the dataset splits this border into land, inland water and sea. */
    public boolean split() {
        return landPart != null || waterPart != null || seaPart != null;
    }

    /** The same border with its land and water parts attached. */
    public Border withParts(Geometry land, Geometry water) {
        return new Border(id, a, b, lengthKm, properties, line, supplier(land), supplier(water), seaPart);
    }

    /** True if this border is part of {@code c}'s boundary (a state includes its derived parts' borders). */
    public boolean bounds(CountryCode c) {
        return a == c || b == c || c.code().equals(a.partOf().map(CountryCode::code).orElse(null))
            || c.code().equals(b.partOf().map(CountryCode::code).orElse(null));
    }

    @Override
    public String toString() {
        return "Border[" + id + "]";
    }
}

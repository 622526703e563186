package io.borderline.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Finds the edges two polygon datasets share exactly (same two vertices, either direction).
 * The OSM extracts are built from the same boundary ways for both neighbours, so a shared
 * border is a run of identical edges; where it is not (a river between two land polygons),
 * no edge is shared and the gap is reported rather than papered over.
 */
final class SharedSegments {
    /** Vertex coordinates are compared at 1e-7 degrees (about 1 cm). */
    private static final double SCALE = 1e7;

    private final Map<String, Set<SegmentKey>> segmentsByCountry = new HashMap<>();

    record SegmentKey(long ax, long ay, long bx, long by) {
        static SegmentKey of(Coordinate a, Coordinate b) {
            long ax = Math.round(a.x * SCALE), ay = Math.round(a.y * SCALE);
            long bx = Math.round(b.x * SCALE), by = Math.round(b.y * SCALE);
            if (ax < bx || (ax == bx && ay <= by)) {
                return new SegmentKey(ax, ay, bx, by);
            }
            return new SegmentKey(bx, by, ax, ay);
        }

        double midLon() {
            return (ax + bx) / 2.0 / SCALE;
        }

        double midLat() {
            return (ay + by) / 2.0 / SCALE;
        }

        LineString toLine(GeometryFactory f) {
            return f.createLineString(new Coordinate[] {
                new Coordinate(ax / SCALE, ay / SCALE), new Coordinate(bx / SCALE, by / SCALE)});
        }
    }

    void add(String country, Geometry polygons) {
        Set<SegmentKey> set = segmentsByCountry.computeIfAbsent(country, k -> new HashSet<>());
        for (int i = 0; i < polygons.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygons.getGeometryN(i);
            addRing(set, p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                addRing(set, p.getInteriorRingN(h));
            }
        }
    }

    private static void addRing(Set<SegmentKey> set, LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        for (int i = 1; i < c.length; i++) {
            if (!c[i].equals2D(c[i - 1])) {
                set.add(SegmentKey.of(c[i - 1], c[i]));
            }
        }
    }

    /** Every pair of countries that share at least one edge, each as {a, b} in code order, sorted. */
    List<String[]> pairs() {
        Map<SegmentKey, String> firstOwner = new HashMap<>();
        Set<String> pairs = new java.util.TreeSet<>();
        segmentsByCountry.keySet().stream().sorted().forEach(country -> {
            for (SegmentKey k : segmentsByCountry.get(country)) {
                String other = firstOwner.putIfAbsent(k, country);
                if (other != null && !other.equals(country)) {
                    pairs.add(other.compareTo(country) < 0 ? other + "|" + country : country + "|" + other);
                }
            }
        });
        List<String[]> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p.split("\\|")));
        return out;
    }

    /** Edges of {@code a} that are also edges of {@code b}. */
    Set<SegmentKey> shared(String a, String b) {
        Set<SegmentKey> sa = segmentsByCountry.getOrDefault(a, Set.of());
        Set<SegmentKey> sb = segmentsByCountry.getOrDefault(b, Set.of());
        Set<SegmentKey> out = new HashSet<>();
        for (SegmentKey k : sa.size() < sb.size() ? sa : sb) {
            if ((sa.size() < sb.size() ? sb : sa).contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Merges segments into the longest possible lines. */
    static MultiLineString merge(Collection<SegmentKey> segments, GeometryFactory f) {
        LineMerger merger = new LineMerger();
        for (SegmentKey k : segments) {
            merger.add(k.toLine(f));
        }
        @SuppressWarnings("unchecked")
        Collection<LineString> lines = merger.getMergedLineStrings();
        List<LineString> sorted = new ArrayList<>(lines);
        sorted.sort((p, q) -> p.getCoordinateN(0).compareTo(q.getCoordinateN(0)));
        return f.createMultiLineString(sorted.toArray(LineString[]::new));
    }

}

package io.borderline.topology;

import io.borderline.coverage.Cancellation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Makes a polygonal geometry valid, touching only what is invalid. JTS {@link GeometryFixer} rebuilds every
 * ring of its input with a buffer(0) and unions all parts, valid or not: on a coverage of Russia at 5 km
 * (hundreds of thousands of vertices, thousands of holes) that is minutes of work no thread interrupt can
 * stop. Here each part is checked with {@link IndexedValidity} and only invalid parts go to GeometryFixer;
 * if the parts then overlap, only the groups of parts that overlap one another are unioned (found by one noding
 * pass and indexed containment tests, {@link IndexedValidity#overlappingParts}), and cancellation ({@link Cancellation#check()}) is
 * honoured between parts, so a computation past its deadline stops within one part.
 */
public final class PolygonRepair {
    private PolygonRepair() {}

    /** A valid (multi)polygon covering the same points as {@code polygonal}'s valid reading. */
    public static Geometry fix(Geometry polygonal) {
        List<Polygon> parts = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Cancellation.check();
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            if (p.isEmpty()) {
                changed = true;
                continue;
            }
            if (IndexedValidity.isValid(p)) {
                parts.add(p);
                continue;
            }
            changed = true;
            Geometry fixed = GeometryFixer.fix(p);
            for (int k = 0; k < fixed.getNumGeometries(); k++) {
                if (fixed.getGeometryN(k) instanceof Polygon fp && !fp.isEmpty()) {
                    parts.add(fp);
                }
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Geometry whole = changed ? polygonal.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new)) : polygonal;
        if (parts.isEmpty() || IndexedValidity.isValid(whole)) {
            return whole;
        }
        Cancellation.check();
        // parts overlap or touch along edges: merge those, and only those (a settled coverage of Russia at 5 km has
        // about 600 parts of which a few overlap, and a union of all of them was 1.5 s per settling pass)
        Geometry merged = mergeOverlapping(parts, IndexedValidity.overlappingParts(whole), whole);
        return merged != null && IndexedValidity.isValid(merged) ? merged : OverlayNGRobust.union(whole);
    }

    /**
     * The parts with every group of parts that overlap one another (linked by {@code pairs}, directly or through
     * others) replaced by the group's union; null if no pair overlaps (then what is invalid is something else).
     */
    private static Geometry mergeOverlapping(List<Polygon> parts, List<int[]> pairs, Geometry whole) {
        if (pairs.isEmpty()) {
            return null;
        }
        int[] group = new int[parts.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int[] pair : pairs) {
            group[root(group, pair[0])] = root(group, pair[1]);
        }
        Map<Integer, List<Polygon>> groups = new LinkedHashMap<>();
        for (int i = 0; i < group.length; i++) {
            groups.computeIfAbsent(root(group, i), k -> new ArrayList<>()).add(parts.get(i));
        }
        List<Polygon> out = new ArrayList<>(parts.size());
        for (Iterator<List<Polygon>> it = groups.values().iterator(); it.hasNext(); ) {
            List<Polygon> g = it.next();
            if (g.size() == 1) {
                out.add(g.get(0)); // overlaps nothing
                it.remove();
            }
        }
        for (List<Polygon> g : groups.values()) {
            Cancellation.check();
            Geometry union = OverlayNGRobust.union(whole.getFactory().buildGeometry(g));
            for (int k = 0; k < union.getNumGeometries(); k++) {
                if (union.getGeometryN(k) instanceof Polygon p && !p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return whole.getFactory().createMultiPolygon(out.toArray(Polygon[]::new));
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }
}

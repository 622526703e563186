package io.borderline.topology;

import io.borderline.coverage.Cancellation;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Makes a polygonal geometry valid, touching only what is invalid. JTS {@link GeometryFixer} rebuilds every
 * ring of its input with a buffer(0) and unions all parts, valid or not: on a coverage of Russia at 5 km
 * (hundreds of thousands of vertices, thousands of holes) that is minutes of work no thread interrupt can
 * stop. Here each part is checked with {@link IndexedValidity} and only invalid parts go to GeometryFixer,
 * the parts are unioned only if they then overlap, and cancellation ({@link Cancellation#check()}) is
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
        return OverlayNGRobust.union(whole); // parts overlap or touch along edges: merge them
    }
}

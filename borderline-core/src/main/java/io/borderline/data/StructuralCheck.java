package io.borderline.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The start-up check of a stored geometry, linear in its size: every coordinate finite and
 * inside the region window, every ring closed with at least four points. Full JTS validity
 * ({@code IsValidOp}) takes about 9 s for Russia's 400,000 vertices, so it is enforced where
 * the file is made (the data build refuses to write an invalid geometry, and a test checks
 * the committed files); the manifest checksum then guarantees the service loads that file.
 */
final class StructuralCheck {
    private StructuralCheck() {}

    /** Null if the geometry passes, else what is wrong. */
    static String problem(Geometry g) {
        if (g.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                String s = ring(p.getExteriorRing());
                for (int h = 0; s == null && h < p.getNumInteriorRing(); h++) {
                    s = ring(p.getInteriorRingN(h));
                }
                if (s != null) {
                    return s;
                }
            } else if (part instanceof LineString l) {
                String s = coordinates(l.getCoordinates());
                if (s != null) {
                    return s;
                }
            } else if (part != g) {
                String s = problem(part);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    private static String ring(LinearRing r) {
        Coordinate[] c = r.getCoordinates();
        if (c.length < 4) {
            return "has a ring with fewer than 4 points";
        }
        if (!c[0].equals2D(c[c.length - 1])) {
            return "has an unclosed ring at " + c[0];
        }
        return coordinates(c);
    }

    private static String coordinates(Coordinate[] cs) {
        for (Coordinate c : cs) {
            if (!(c.x >= RegionWindow.MIN_LON && c.x <= RegionWindow.MAX_LON
                && c.y >= RegionWindow.MIN_LAT && c.y <= RegionWindow.MAX_LAT)) {
                return "has a coordinate outside the region window: " + c.x + " " + c.y;
            }
        }
        return null;
    }
}

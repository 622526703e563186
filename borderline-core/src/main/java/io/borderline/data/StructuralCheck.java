package io.borderline.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The check of a stored geometry when it is decoded, linear in its size: every coordinate finite
 * and on the globe (longitudes up to 360° east, where Natural Earth's antimeridian rings are
 * unwrapped), every ring closed with at least four points. Full JTS validity ({@code IsValidOp})
 * takes seconds for Russia, so it is enforced where the file is made (the data build refuses to
 * write an invalid geometry, and a test checks the committed files); the manifest checksum then
 * guarantees the service loads that file.
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
                String s = coordinates(l.getCoordinateSequence());
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
        CoordinateSequence c = r.getCoordinateSequence();
        if (c.size() < 4) {
            return "has a ring with fewer than 4 points";
        }
        if (c.getX(0) != c.getX(c.size() - 1) || c.getY(0) != c.getY(c.size() - 1)) {
            return "has an unclosed ring at " + c.getCoordinate(0);
        }
        return coordinates(c);
    }

    private static String coordinates(CoordinateSequence cs) {
        for (int i = 0; i < cs.size(); i++) {
            double x = cs.getX(i);
            double y = cs.getY(i);
            if (!(x >= -180 && x <= 360 && y >= -90 && y <= 90)) {
                return "has a coordinate off the globe: " + new Coordinate(x, y);
            }
        }
        return null;
    }
}

package io.borderline.topology;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Douglas-Peucker on every ring and line on its own, for drawing: the result may be invalid (rings may cross),
 * and rings that collapse are dropped (a collapsed shell drops its polygon). Written because JTS's
 * {@code DouglasPeuckerSimplifier} runs {@code IsValidOp} on every simplified polygon even when asked not to
 * repair it, which for Russia's land (1.5 million vertices, tens of thousands of lakes) costs more time and
 * memory than drawing the map.
 */
public final class RingwiseSimplifier {
    private RingwiseSimplifier() {}

    /** {@code g} (polygonal or linear) simplified by {@code tolerance}, in its own coordinate units. */
    public static Geometry simplify(Geometry g, double tolerance) {
        GeometryFactory f = g.getFactory();
        List<Polygon> polygons = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                LinearRing shell = ring(p.getExteriorRing(), tolerance, f);
                if (shell == null) {
                    continue;
                }
                List<LinearRing> holes = new ArrayList<>();
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    LinearRing hole = ring(p.getInteriorRingN(h), tolerance, f);
                    if (hole != null) {
                        holes.add(hole);
                    }
                }
                polygons.add(f.createPolygon(shell, holes.toArray(LinearRing[]::new)));
            } else if (part instanceof LineString l) {
                lines.add((LineString) DouglasPeuckerSimplifier.simplify(l, tolerance));
            } else {
                return DouglasPeuckerSimplifier.simplify(g, tolerance); // points and collections: as JTS does
            }
        }
        if (!polygons.isEmpty() || g instanceof org.locationtech.jts.geom.Polygonal) {
            // every polygon collapsed: still polygonal (empty), so a layer keeps its one geometry type
            return f.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        return f.createMultiLineString(lines.toArray(LineString[]::new));
    }

    /** One ring simplified on its own, built with {@code f}, or null if it collapses (under four points). */
    public static LinearRing ring(LinearRing r, double tolerance, GeometryFactory f) {
        CoordinateSequence seq = r.getCoordinateSequence();
        Coordinate[] all = new Coordinate[seq.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = new Coordinate(seq.getX(i), seq.getY(i));
        }
        Coordinate[] c = DouglasPeuckerSimplifier.simplify(f.createLineString(all), tolerance).getCoordinates();
        return c.length < 4 ? null : f.createLinearRing(c);
    }
}

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

    /**
     * One ring simplified on its own, built with {@code f}, or null if it collapses (under four points). The same
     * Douglas-Peucker as JTS's (both ends kept, a vertex kept when farther than the tolerance from the chord), on
     * the sequence's doubles with squared distances: JTS's creates a Coordinate per vertex and takes a square root
     * ({@code Math.hypot}) per distance, most of the time the world's tile copies took.
     */
    public static LinearRing ring(LinearRing r, double tolerance, GeometryFactory f) {
        CoordinateSequence seq = r.getCoordinateSequence();
        int n = seq.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = seq.getX(i);
            y[i] = seq.getY(i);
        }
        boolean[] keep = new boolean[n];
        if (n > 0) {
            keep[0] = true;
            keep[n - 1] = true;
        }
        double tol2 = tolerance * tolerance;
        int[] stack = new int[2 * Math.max(n, 1)];
        int top = 0;
        if (n > 2) {
            stack[top++] = 0;
            stack[top++] = n - 1;
        }
        while (top > 0) {
            int j = stack[--top];
            int i = stack[--top];
            int farthest = -1;
            double max = -1;
            for (int k = i + 1; k < j; k++) {
                double d = segmentDistance2(x[k], y[k], x[i], y[i], x[j], y[j]);
                if (d > max) {
                    max = d;
                    farthest = k;
                }
            }
            if (farthest >= 0 && max > tol2) {
                keep[farthest] = true;
                stack[top++] = i;
                stack[top++] = farthest;
                stack[top++] = farthest;
                stack[top++] = j;
            }
        }
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(new Coordinate(x[i], y[i]));
            }
        }
        return out.size() < 4 ? null : f.createLinearRing(out.toArray(Coordinate[]::new));
    }

    /** Squared distance from (px, py) to the segment from (ax, ay) to (bx, by). */
    static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }
}

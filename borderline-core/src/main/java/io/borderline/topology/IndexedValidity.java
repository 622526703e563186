package io.borderline.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PolygonNodeTopology;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Validity of a large (multi)polygon with every test indexed. JTS {@link IsValidOp} tests each hole
 * against its shell by a linear scan of the shell (PolygonTopologyAnalyzer.isRingNested): for a
 * country with thousands of lakes and a shell of millions of vertices (Canada, Russia in OSM) that
 * is holes × vertices point-in-ring steps, hours per call. Here the rings are checked one by one
 * with IsValidOp (each alone is small in that sense), crossings between rings are found by one
 * monotone-chain noding pass, and containment (hole in shell, hole in hole, shell in shell) by
 * indexed point-in-area lookups. Stricter than needed in no case; laxer than IsValidOp in two:
 * rings that touch at isolated points are accepted without checking that the interior stays
 * connected (a repair would not change the area, which is all the build measures and stores), and
 * two rings meeting at a vertex both share are not tested for crossing there.
 */
public final class IndexedValidity {
    /** Below this many hole × shell-vertex steps JTS's own test is fast enough and exact. */
    private static final long DIRECT_LIMIT = 20_000_000L;

    private IndexedValidity() {}

    /** Null if valid, else what is wrong (IsValidOp's message and location when the geometry is small). */
    public static String validationError(Geometry g) {
        if (small(g)) {
            var error = new IsValidOp(g).getValidationError();
            return error == null ? null : error.getMessage() + " at "
                + String.format(java.util.Locale.ROOT, "%.5f %.5f", error.getCoordinate().x, error.getCoordinate().y);
        }
        String indexed = indexedError(g);
        return indexed == null ? null : "invalid (indexed check): " + indexed;
    }

    private static boolean small(Geometry g) {
        long steps = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            steps += (long) p.getNumInteriorRing() * p.getExteriorRing().getNumPoints();
        }
        steps += (long) g.getNumGeometries() * g.getNumGeometries();
        return steps < DIRECT_LIMIT;
    }

    public static boolean isValid(Geometry g) {
        return small(g) ? g.isValid() : isValidIndexed(g);
    }

    /** The indexed test whatever the size (tests compare it with IsValidOp). */
    public static boolean isValidIndexed(Geometry g) {
        return indexedError(g) == null;
    }

    /** Null if the indexed test passes, else which of its checks failed. */
    public static String indexedError(Geometry g) {
        List<LinearRing> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(p.getInteriorRingN(h));
            }
        }
        for (LinearRing r : rings) { // each ring simple and closed, as a polygon of its own
            var e = new IsValidOp(g.getFactory().createPolygon(r)).getValidationError();
            if (e != null) {
                return "ring not simple: " + e;
            }
        }
        String crossing = ringsCross(rings);
        if (crossing != null) {
            return crossing;
        }
        STRtree shells = new STRtree();
        List<IndexedPointInAreaLocator> shellAreas = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            Polygon shellOnly = g.getFactory().createPolygon(p.getExteriorRing());
            IndexedPointInAreaLocator shell = new IndexedPointInAreaLocator(shellOnly);
            shellAreas.add(shell);
            shells.insert(shellOnly.getEnvelopeInternal(), i);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                if (!strictlyInside(p.getInteriorRingN(h), shell)) {
                    return "a hole outside its shell near " + p.getInteriorRingN(h).getCoordinate();
                }
            }
            if (holesNested(p)) {
                return "nested holes in the part near " + p.getExteriorRing().getCoordinate();
            }
        }
        for (int i = 0; i < g.getNumGeometries(); i++) { // no part's shell inside another part's shell
            Polygon p = (Polygon) g.getGeometryN(i);
            for (Object o : shells.query(p.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j != i && strictlyInside(p.getExteriorRing(), shellAreas.get(j))
                    && !insideAHole(p.getExteriorRing(), (Polygon) g.getGeometryN(j))) {
                    return "a part inside another part's shell near " + p.getExteriorRing().getCoordinate();
                }
            }
        }
        return null;
    }

    /** Where two rings (or a ring with itself) cross; null if nowhere. */
    private static String ringsCross(List<LinearRing> rings) {
        List<SegmentString> strings = new ArrayList<>();
        for (LinearRing r : rings) {
            strings.add(new NodedSegmentString(r.getCoordinates(), r));
        }
        CrossingFinder finder = new CrossingFinder();
        MCIndexNoder noder = new MCIndexNoder();
        noder.setSegmentIntersector(finder);
        noder.computeNodes(strings);
        return finder.crossing == null ? null : "rings crossing at " + finder.crossing;
    }

    /**
     * Finds a point where rings cross rather than touch. Rings may share vertices (a hole touching its shell)
     * and a ring's vertex may lie inside another ring's edge (two lakes meeting at a point: the New Siberian
     * Islands in OSM have one); that is a crossing only if the ring's edges before and after the vertex lie on
     * opposite sides of the other edge. Segments that cross at a point inside both, or overlap along part of
     * their length, always count.
     */
    static class CrossingFinder implements SegmentIntersector {
        final LineIntersector li = new RobustLineIntersector();
        Coordinate crossing;

        @Override
        public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
            if (crossing == null) {
                crossing = crossingOf(a, i, b, j);
            }
        }

        /** Where segment i of a and segment j of b cross or run along each other; null if they do not or only touch. */
        final Coordinate crossingOf(SegmentString a, int i, SegmentString b, int j) {
            Coordinate a0 = a.getCoordinate(i), a1 = a.getCoordinate(i + 1);
            Coordinate b0 = b.getCoordinate(j), b1 = b.getCoordinate(j + 1);
            li.computeIntersection(a0, a1, b0, b1);
            if (!li.hasIntersection()) {
                return null;
            }
            if (li.isProper()) {
                return li.getIntersection(0);
            }
            boolean aEnd = false, bEnd = false;
            for (int k = 0; k < li.getIntersectionNum(); k++) {
                Coordinate p = li.getIntersection(k);
                boolean onA = p.equals2D(a0) || p.equals2D(a1);
                boolean onB = p.equals2D(b0) || p.equals2D(b1);
                if (li.getIntersectionNum() == 2 && !(onA && onB)) {
                    return p; // collinear overlap of part of a segment
                }
                aEnd |= onA && !onB;
                bEnd |= onB && !onA;
            }
            Coordinate p = li.getIntersection(0);
            return aEnd && passesThrough(a, i, p, b0, b1) || bEnd && passesThrough(b, j, p, a0, a1) ? p : null;
        }

        /** Whether ring {@code s}, at its vertex {@code p} (an end of its segment {@code i}), passes from one side of q0-q1 to the other. */
        private static boolean passesThrough(SegmentString s, int i, Coordinate p, Coordinate q0, Coordinate q1) {
            int n = s.size(); // closed ring: coordinate n-1 repeats coordinate 0
            int v = p.equals2D(s.getCoordinate(i)) ? i : i + 1;
            Coordinate before = s.getCoordinate(v == 0 ? n - 2 : v - 1);
            Coordinate after = s.getCoordinate(v == n - 1 ? 1 : v + 1);
            return Orientation.index(q0, q1, before) * Orientation.index(q0, q1, after) < 0;
        }

        @Override
        public boolean isDone() {
            return crossing != null;
        }
    }

    /**
     * Every pair of parts (segment strings carry their part's index) whose rings cross, run along each other, or
     * cross at a vertex both share (which {@link CrossingFinder} lets pass): two parts of a multipolygon may only
     * touch at points.
     */
    private static final class PartCrossings extends CrossingFinder {
        final Set<Long> pairs = new HashSet<>();

        @Override
        public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
            int pa = (Integer) a.getData(), pb = (Integer) b.getData();
            if (pa != pb && !pairs.contains(pairKey(pa, pb))
                && (crossingOf(a, i, b, j) != null || alongOrCrossingAtSharedVertex(a, i, b, j))) {
                pairs.add(pairKey(pa, pb));
            }
        }

        /** After {@link #crossingOf} found nothing: reads its intersection of the same two segments, not computed again. */
        private boolean alongOrCrossingAtSharedVertex(SegmentString a, int i, SegmentString b, int j) {
            Coordinate a0 = a.getCoordinate(i), a1 = a.getCoordinate(i + 1);
            Coordinate b0 = b.getCoordinate(j), b1 = b.getCoordinate(j + 1);
            if (!li.hasIntersection()) {
                return false;
            }
            if (li.getIntersectionNum() == 2) {
                return true; // a stretch in common
            }
            Coordinate p = li.getIntersection(0);
            boolean onA = p.equals2D(a0) || p.equals2D(a1), onB = p.equals2D(b0) || p.equals2D(b1);
            if (!onA || !onB) {
                return false;
            }
            int va = p.equals2D(a0) ? i : i + 1, vb = p.equals2D(b0) ? j : j + 1;
            Coordinate[] around = {neighbour(a, va, -1), neighbour(a, va, 1), neighbour(b, vb, -1), neighbour(b, vb, 1)};
            for (Coordinate c : around) {
                if (c.equals2D(p)) {
                    return true; // a ring of one point repeated: let the union decide
                }
            }
            return PolygonNodeTopology.isCrossing(p, around[0], around[1], around[2], around[3]);
        }

        /**
         * The ring's nearest vertex before (-1) or after (+1) vertex v that is not at v (a ring may repeat a point, and
         * the node topology needs a direction); the closing vertex repeats the first.
         */
        private static Coordinate neighbour(SegmentString s, int v, int step) {
            int n = s.size() - 1;
            Coordinate at = s.getCoordinate(v);
            for (int k = 1; k < n; k++) {
                Coordinate c = s.getCoordinate((((v + step * k) % n) + n) % n);
                if (!c.equals2D(at)) {
                    return c;
                }
            }
            return at;
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }

    private static long pairKey(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    /**
     * For a multipolygon whose parts are each valid, the pairs of parts whose interiors may meet: their rings cross
     * or run along each other, or one part's shell lies inside the other's and not in one of its holes. A union
     * changes only these parts; parts that touch others at points, or not at all, it leaves as they are.
     */
    public static List<int[]> overlappingParts(Geometry g) {
        List<SegmentString> strings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            for (int h = -1; h < p.getNumInteriorRing(); h++) {
                strings.add(new NodedSegmentString((h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h)).getCoordinates(), i));
            }
        }
        PartCrossings crossings = new PartCrossings();
        MCIndexNoder noder = new MCIndexNoder();
        noder.setSegmentIntersector(crossings);
        noder.computeNodes(strings);
        Set<Long> pairs = crossings.pairs;
        STRtree shells = new STRtree();
        List<IndexedPointInAreaLocator> shellAreas = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon shellOnly = g.getFactory().createPolygon(((Polygon) g.getGeometryN(i)).getExteriorRing());
            shellAreas.add(new IndexedPointInAreaLocator(shellOnly));
            shells.insert(shellOnly.getEnvelopeInternal(), i);
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            for (Object o : shells.query(p.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j != i && !pairs.contains(pairKey(i, j)) && strictlyInside(p.getExteriorRing(), shellAreas.get(j))
                    && !insideAHole(p.getExteriorRing(), (Polygon) g.getGeometryN(j))) {
                    pairs.add(pairKey(i, j));
                }
            }
        }
        List<int[]> out = new ArrayList<>(pairs.size());
        for (long key : pairs) {
            out.add(new int[] {(int) (key >>> 32), (int) key});
        }
        return out;
    }

    /** Since no rings cross, a ring is inside an area if one of its vertices off the area's boundary is. */
    private static boolean strictlyInside(LinearRing ring, IndexedPointInAreaLocator area) {
        Coordinate[] cs = ring.getCoordinates();
        for (Coordinate c : cs) {
            int loc = area.locate(c);
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        // every vertex on the boundary (a small island touching its lake at each corner): since no rings
        // cross, an edge's midpoint off the boundary tells
        for (int i = 1; i < cs.length; i++) {
            int loc = area.locate(new Coordinate((cs[i - 1].x + cs[i].x) / 2, (cs[i - 1].y + cs[i].y) / 2));
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return false; // every vertex and edge on the boundary: a duplicate ring
    }

    private static boolean holesNested(Polygon p) {
        STRtree holes = new STRtree();
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            holes.insert(p.getInteriorRingN(h).getEnvelopeInternal(), h);
        }
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            LinearRing hole = p.getInteriorRingN(h);
            for (Object o : holes.query(hole.getEnvelopeInternal())) {
                int k = (Integer) o;
                if (k != h && hole.getEnvelopeInternal().intersects(p.getInteriorRingN(k).getEnvelopeInternal())
                    && strictlyInside(hole, new IndexedPointInAreaLocator(
                        p.getFactory().createPolygon(p.getInteriorRingN(k))))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An island in a lake of another part is valid: its shell lies inside one of that part's holes. */
    private static boolean insideAHole(LinearRing ring, Polygon other) {
        for (int h = 0; h < other.getNumInteriorRing(); h++) {
            LinearRing hole = other.getInteriorRingN(h);
            if (hole.getEnvelopeInternal().covers(ring.getEnvelopeInternal())
                && strictlyInside(ring, new IndexedPointInAreaLocator(other.getFactory().createPolygon(hole)))) {
                return true;
            }
        }
        return false;
    }
}

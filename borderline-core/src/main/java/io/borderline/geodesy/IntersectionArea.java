package io.borderline.geodesy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.chain.MonotoneChain;
import org.locationtech.jts.index.chain.MonotoneChainBuilder;
import org.locationtech.jts.index.chain.MonotoneChainOverlapAction;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * Ellipsoidal area of a polygon's intersection with a cover, m², without building the intersection.
 *
 * <p>Method (Green's theorem on the ellipsoid): the area of a region is the sum, over its boundary
 * edges, of each edge's "area under the geodesic" (GeographicLib's {@code S12}, the area between the
 * edge and the equator), oriented with the interior on the left. The boundary of P ∩ C is the part of
 * P's boundary inside C plus the part of C's boundary inside P, so the sum runs over (1) P's edges,
 * split where they cross C's boundary and kept while inside C, and (2) C's edges kept while inside P.
 * P's whole-edge terms are computed once per polygon and cached (they are most of its edges); only
 * the pieces of crossing edges and C's edges inside P are measured per call. The crossings are
 * those of the planar segments in longitude/latitude, exactly where a JTS overlay would put them,
 * and every edge is measured as a geodesic, as {@link EllipsoidalMeasure#areaM2} measures an
 * overlay's result: the two agree to rounding (see {@code IntersectionAreaTest}).
 *
 * <p>Cost: P's rings are cut into chunks of 4,096 edges with their boxes in an STR tree (O(n log n), once per
 * polygon); a chunk's edge terms and its edges sorted by latitude are built the first time a cover comes near it, so
 * a coverage of Ukraine does not measure all of Russia's mainland. Each call then indexes C's m edges near P once,
 * chains the chunks of P near them against that index, and makes one pass over P's n edges, and one GeographicLib inverse per crossing and per C edge near P, against an
 * overlay that rebuilds all n edges as a graph on every call.
 * Degenerate inputs (a vertex on the other boundary, collinear overlapping edges, an edge spanning more
 * than 180° of longitude) return empty: the caller then overlays.
 *
 * <p>Thread-safe: the per-polygon cache is concurrent and keyed by identity.
 */
public final class IntersectionArea {
    /** Per-polygon edge terms and locators, by identity, released with the polygon. */
    private static final Cache<Polygon, PolygonTerms> TERMS = Caffeine.newBuilder().weakKeys().build();

    private IntersectionArea() {}

    /** Ellipsoidal area of the whole polygon (shell minus holes), m², from the cached edge terms. */
    public static double areaM2(Polygon p) {
        return terms(p).area();
    }

    /**
     * The cover prepared once for many {@link #areaWithinM2} calls: its rings oriented, and their edges in runs of
     * {@link Cover#RUN} with their boxes in an STR tree, so a call touches only the cover's edges near its polygon.
     * (Unprepared, every call oriented and scanned every ring of the cover it came near: the statistics of Russia at
     * 5 km, 158,000 outline vertices against Finland's and Norway's thousands of islands, spent about 1 s there.)
     */
    public static Cover prepare(Geometry cover, IndexedPointInAreaLocator coverLocator) {
        return new Cover(cover, coverLocator);
    }

    /**
     * Area of {@code p ∩ cover}, m², or empty when the configuration is degenerate for this method.
     *
     * @param p a valid polygon, longitude/latitude
     * @param cover a valid (multi)polygon, longitude/latitude, prepared by {@link #prepare}
     */
    public static OptionalDouble areaWithinM2(Polygon p, Cover cover) {
        PolygonTerms pt = terms(p);
        if (pt.degenerate) {
            return OptionalDouble.empty();
        }
        Envelope pEnv = p.getEnvelopeInternal();
        IndexedPointInAreaLocator coverLocator = cover.locator;
        List<Coordinate[]> coverRings = cover.rings;
        Envelope coverBox = new Envelope(); // of the shells near P (their holes lie inside them)
        for (int i = 0; i < cover.polygonBoxes.length; i++) {
            if (cover.polygonBoxes[i].intersects(pEnv)) {
                coverBox.expandToInclude(cover.polygonBoxes[i]);
                for (int r = cover.firstRing[i]; r < cover.firstRing[i + 1]; r++) {
                    if (cover.wide[r] && cover.ringBoxes[r].intersects(pEnv)) {
                        return OptionalDouble.empty();
                    }
                }
            }
        }
        List<int[]> runs = cover.runsNear(pEnv);
        Crossings crossings = Crossings.find(pt, coverRings, runs, pEnv);
        if (crossings == null) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        // (1) P's edges inside the cover. A ring wholly off the box of the cover's shells near P is outside the cover
        // and uncut, so only the rings with a chunk in that box are visited (Russia's mainland has tens of thousands)
        java.util.BitSet nearRings = pt.ringsNear(coverBox);
        for (int r = nearRings.nextSetBit(0); r >= 0; r = nearRings.nextSetBit(r + 1)) {
            Coordinate[] ring = pt.rings.get(r);
            boolean uncut = !crossings.cutsP(r);
            if (uncut && !coverBox.contains(ring[0])) {
                continue; // a ring the cover's edges do not cross, off the box of the cover's shells near P: outside
            }
            int loc = coverLocator.locate(ring[0]);
            if (loc == Location.BOUNDARY) {
                return OptionalDouble.empty();
            }
            boolean inside = loc == Location.INTERIOR;
            if (uncut) {
                if (inside) {
                    sum += pt.ringTerm(r);
                }
                continue;
            }
            for (int i = 0; i < ring.length - 1; i++) {
                double[] cuts = crossings.onP(r, i);
                if (cuts == null) {
                    if (inside) {
                        sum += pt.term(r, i); // an edge inside the cover lies in its box: only chunks near it are measured
                    }
                    continue;
                }
                Coordinate from = ring[i];
                for (int k = 0; k < cuts.length; k += 3) {
                    Coordinate x = new Coordinate(cuts[k + 1], cuts[k + 2]);
                    if (inside) {
                        sum += s12(from, x);
                    }
                    inside = !inside;
                    from = x;
                }
                if (inside) {
                    sum += s12(from, ring[i + 1]);
                }
            }
        }
        // (2) the cover's edges inside P: those of the runs near P's envelope, in ring order (an edge off that envelope
        // ends outside P, and every edge between two runs lies off it)
        int ringOfLast = -1;
        int endOfLast = -1;
        Boolean inside = null; // unknown until needed
        for (int[] run : runs) {
            int r = run[0];
            Coordinate[] ring = coverRings.get(r);
            if (r != ringOfLast) {
                inside = run[1] == 0 ? null : Boolean.FALSE;
            } else if (run[1] != endOfLast) {
                inside = false;
            }
            ringOfLast = r;
            endOfLast = run[2];
            for (int i = run[1]; i < run[2]; i++) {
                Coordinate a = ring[i];
                Coordinate b = ring[i + 1];
                double[] cuts = crossings.onC(r, i);
                if (cuts == null && !pEnv.intersects(a, b)) {
                    inside = false; // b lies off P's envelope: outside P
                    continue;
                }
                if (inside == null) {
                    int loc = pt.locate(a);
                    if (loc == Location.BOUNDARY) {
                        return OptionalDouble.empty();
                    }
                    inside = loc == Location.INTERIOR;
                }
                Coordinate from = a;
                if (cuts != null) {
                    for (int k = 0; k < cuts.length; k += 3) {
                        Coordinate x = new Coordinate(cuts[k + 1], cuts[k + 2]);
                        if (inside) {
                            sum += s12(from, x);
                        }
                        inside = !inside;
                        from = x;
                    }
                }
                if (inside) {
                    sum += s12(from, b);
                }
            }
        }
        // inconsistent crossings: let the overlay decide. The area within both cannot exceed that of the two boxes'
        // common part (widened for geodesic edges bulging out of it); P's own area, the bound before its terms were
        // built lazily, would need every term of P
        if (!(sum > -1 && sum < boxAreaM2(pEnv, coverBox) * (1 + 1e-9) + 1)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, sum));
    }

    /**
     * An upper bound of the area of any region within both P's box and the cover rings' box: the ellipsoidal area of
     * their common latitude/longitude box, widened by 2° of latitude each way (an edge of 625 km, the longest a
     * coverage outline keeps, bulges about 0.1° out of its box at 60° and under 1° at 85°), m², or infinity where the
     * boxes span more than 180° of longitude.
     */
    static double boxAreaM2(Envelope pEnv, Envelope coverBox) {
        Envelope both = pEnv.intersection(coverBox);
        if (both.isNull() || both.getWidth() > 180) {
            return Double.POSITIVE_INFINITY;
        }
        double south = Math.max(-90, both.getMinY() - 2);
        double north = Math.min(90, both.getMaxY() + 2);
        return Math.toRadians(both.getWidth()) * (zoneM2(north) - zoneM2(south));
    }

    /**
     * The ellipsoid's area between the equator and latitude φ per radian of longitude, m²: b²·(sin φ / (2(1 − e² sin²
     * φ)) + atanh(e sin φ) / (2e)), the authalic-latitude integral.
     */
    private static double zoneM2(double latDeg) {
        double e2 = Wgs84.F * (2 - Wgs84.F);
        double e = Math.sqrt(e2);
        double b = Wgs84.A_M * (1 - Wgs84.F);
        double sin = Math.sin(Math.toRadians(latDeg));
        double atanh = 0.5 * Math.log((1 + e * sin) / (1 - e * sin));
        return b * b * (sin / (2 * (1 - e2 * sin * sin)) + atanh / (2 * e));
    }

    private static PolygonTerms terms(Polygon p) {
        return TERMS.get(p, PolygonTerms::new);
    }

    /**
     * The edge's term of the area sum, m²: minus GeographicLib's S12 (the area between the geodesic from
     * a to b and the equator), so that a counter-clockwise ring sums to its positive area.
     */
    static double s12(Coordinate a, Coordinate b) {
        return -Wgs84.GEODESIC.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.AREA).S12;
    }

    /** The ring's coordinates with the interior on the left (shell counter-clockwise, hole clockwise). */
    private static Coordinate[] oriented(LinearRing ring, boolean shell) {
        Coordinate[] c = ring.getCoordinates();
        if (Orientation.isCCW(c) != shell) {
            c = c.clone();
            for (int i = 0, j = c.length - 1; i < j; i++, j--) {
                Coordinate t = c[i];
                c[i] = c[j];
                c[j] = t;
            }
        }
        return c;
    }

    /** Whether an edge of the ring spans 180° of longitude or more (Antarctica's along the South Pole among them). */
    private static boolean spansHalfTheGlobe(Coordinate[] ring) {
        return spansHalfTheGlobe(ring, true);
    }

    /**
     * As {@link #spansHalfTheGlobe(Coordinate[])}, optionally not counting edges along a pole (both ends at latitude
     * ±90°). A cover holding a pole is closed through it by such an edge: a single point on the ellipsoid, with no
     * area term, inside no polygon P the method sums over (a P reaching a pole, Antarctica, has such an edge itself
     * and is left to the overlay), so the sum over P ∩ C stays exact.
     */
    private static boolean spansHalfTheGlobe(Coordinate[] ring, boolean countPoleEdges) {
        for (int i = 1; i < ring.length; i++) {
            boolean alongAPole = !countPoleEdges && Math.abs(ring[i].y) == 90 && ring[i].y == ring[i - 1].y;
            if (!alongAPole && Math.abs(ring[i].x - ring[i - 1].x) >= 180) {
                return true;
            }
        }
        return false;
    }

    /**
     * A polygon's oriented rings cut into chunks of {@link #CHUNK} edges, each with its box; a chunk's edge terms
     * and its latitude-sorted edges are built on first use, so a call pays only for the chunks near its cover. (Built whole, Russia's 1.3 million-edge mainland took 2.5 to 3 s before the first statistics near
     * it: one GeographicLib inverse per edge for the terms, and the index and locator of every edge.)
     */
    private static final class PolygonTerms {
        static final int CHUNK = 4096;
        final Polygon polygon;
        final List<Coordinate[]> rings = new ArrayList<>();
        /** Per ring, its chunks in edge order. */
        final List<Chunk[]> chunks = new ArrayList<>();
        /** Every chunk by its box (Russia's mainland has tens of thousands of lake rings, each a chunk of its own). */
        final STRtree chunkIndex = new STRtree();
        final boolean degenerate;
        private volatile double area = Double.NaN;

        PolygonTerms(Polygon p) {
            this.polygon = p;
            rings.add(oriented(p.getExteriorRing(), true));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(oriented(p.getInteriorRingN(h), false));
            }
            boolean wide = false;
            for (int r = 0; r < rings.size(); r++) {
                Coordinate[] ring = rings.get(r);
                wide |= spansHalfTheGlobe(ring);
                int edges = ring.length - 1;
                Chunk[] cs = new Chunk[(edges + CHUNK - 1) / CHUNK];
                for (int k = 0; k < cs.length; k++) {
                    cs[k] = new Chunk(ring, r, k * CHUNK, Math.min(edges, (k + 1) * CHUNK));
                    chunkIndex.insert(cs[k].box, cs[k]);
                }
                chunks.add(cs);
            }
            this.degenerate = wide;
            chunkIndex.build(); // queries from several threads only read it
        }

        /** The chunks whose boxes meet {@code box}. */
        @SuppressWarnings("unchecked")
        List<Chunk> chunksNear(Envelope box) {
            return chunkIndex.query(box);
        }

        /** The rings with a chunk whose box meets {@code box}. */
        java.util.BitSet ringsNear(Envelope box) {
            java.util.BitSet near = new java.util.BitSet(rings.size());
            if (box.contains(polygon.getEnvelopeInternal())) {
                near.set(0, rings.size());
            } else {
                for (Chunk c : chunksNear(box)) {
                    near.set(c.ringIndex);
                }
            }
            return near;
        }

        /** The edge's area term (see {@link #s12}). */
        double term(int ring, int edge) {
            Chunk c = chunks.get(ring)[edge / CHUNK];
            return c.terms()[edge - c.start];
        }

        /** The sum of the ring's edge terms. */
        double ringTerm(int ring) {
            double sum = 0;
            for (Chunk c : chunks.get(ring)) {
                sum += c.termSum();
            }
            return sum;
        }

        /** The polygon's ellipsoidal area, m², summed from every edge term once asked for. */
        double area() {
            double a = area;
            if (Double.isNaN(a)) {
                if (degenerate) {
                    a = EllipsoidalMeasure.areaM2(polygon);
                } else {
                    a = 0;
                    for (Chunk[] cs : chunks) {
                        for (Chunk c : cs) {
                            for (double t : c.terms()) {
                                a += t;
                            }
                        }
                    }
                }
                area = a;
            }
            return a;
        }

        /**
         * Where {@code a} lies relative to the polygon: JTS's ray-crossing count (the algorithm of its indexed
         * locator) over the edges of the chunks the eastward ray can meet, so no locator of every edge is built.
         */
        int locate(Coordinate a) {
            RayCrossingCounter counter = new RayCrossingCounter(a);
            for (Chunk c : chunksNear(new Envelope(a.x, Math.max(a.x, polygon.getEnvelopeInternal().getMaxX()), a.y, a.y))) {
                if (c.countCrossings(counter, a)) {
                    return Location.BOUNDARY;
                }
            }
            return counter.getLocation();
        }
    }

    /** Edges {@code start} to {@code end} (exclusive) of one ring, their box, and, built on first use, their terms and string. */
    private static final class Chunk {
        final Coordinate[] ring;
        final int ringIndex;
        final int start;
        final int end;
        final Envelope box = new Envelope();
        private volatile double[] terms;
        private volatile SegmentString string;
        private volatile BySouth bySouth;
        private volatile STRtree chains;
        private volatile double termSum = Double.NaN;

        Chunk(Coordinate[] ring, int ringIndex, int start, int end) {
            this.ring = ring;
            this.ringIndex = ringIndex;
            this.start = start;
            this.end = end;
            for (int i = start; i <= end; i++) {
                box.expandToInclude(ring[i]);
            }
        }

        /** The sum of {@link #terms}, kept. */
        double termSum() {
            double sum = termSum;
            if (Double.isNaN(sum)) {
                sum = 0;
                for (double t : terms()) {
                    sum += t;
                }
                termSum = sum;
            }
            return sum;
        }

        /** The edges' S12 terms; two threads may both compute them, with the same result. */
        double[] terms() {
            double[] t = terms;
            if (t == null) {
                t = new double[end - start];
                for (int i = start; i < end; i++) {
                    t[i - start] = s12(ring[i], ring[i + 1]);
                }
                terms = t;
            }
            return t;
        }

        /**
         * Counts the chunk's edges whose latitude span holds the counter's point; true when the point lies on one.
         * The edges are sorted by their southern end on first use, so only those starting within the chunk's
         * tallest edge below the point are tried.
         */
        boolean countCrossings(RayCrossingCounter counter, Coordinate point) {
            BySouth b = bySouth;
            if (b == null) {
                b = sortedBySouth();
                bySouth = b;
            }
            double[] south = b.south();
            double y = point.y;
            double tallest = b.tallest();
            int lo = 0;
            int hi = south.length;
            while (lo < hi) { // the first edge whose southern end is at or above y - tallest
                int mid = (lo + hi) >>> 1;
                if (south[mid] < y - tallest) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int j = lo; j < south.length && south[j] <= y; j++) {
                int i = b.edge()[j];
                counter.countSegment(ring[i], ring[i + 1]);
                if (counter.isOnSegment()) {
                    return true;
                }
            }
            return false;
        }

        /** The edges' southern latitudes in ascending order, the edges' indexes in that order, and the tallest's span. */
        private record BySouth(double[] south, int[] edge, double tallest) {}

        private BySouth sortedBySouth() {
            int n = end - start;
            Integer[] order = new Integer[n];
            double tall = 0;
            for (int k = 0; k < n; k++) {
                order[k] = start + k;
                tall = Math.max(tall, Math.abs(ring[start + k + 1].y - ring[start + k].y));
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> Math.min(ring[i].y, ring[i + 1].y)));
            double[] south = new double[n];
            int[] edge = new int[n];
            for (int k = 0; k < n; k++) {
                south[k] = Math.min(ring[order[k]].y, ring[order[k] + 1].y);
                edge[k] = order[k];
            }
            return new BySouth(south, edge, tall);
        }

        /**
         * The chunk's monotone chains over {@link #string} by their boxes, built on first use (boxes computed and the
         * tree built before it is shared, so later queries only read).
         */
        STRtree chains() {
            STRtree c = chains;
            if (c == null) {
                c = new STRtree();
                for (Object mc : MonotoneChainBuilder.getChains(string().getCoordinates(), string())) {
                    c.insert(((MonotoneChain) mc).getEnvelope(), mc);
                }
                c.build();
                chains = c;
            }
            return c;
        }

        /** The chunk's edges as one segment string tagged {0, ring, first edge}. */
        SegmentString string() {
            SegmentString s = string;
            if (s == null) {
                s = new BasicSegmentString(java.util.Arrays.copyOfRange(ring, start, end + 1),
                    new int[] {0, ringIndex, start});
                string = s;
            }
            return s;
        }
    }

    /** A cover prepared for {@link #areaWithinM2}: see {@link #prepare}. Read-only once built, so thread-safe. */
    public static final class Cover {
        static final int RUN = 256;
        final IndexedPointInAreaLocator locator;
        /** Every ring, polygon by polygon, shell first, oriented with the cover's inside on the left. */
        final List<Coordinate[]> rings = new ArrayList<>();
        final Envelope[] ringBoxes;
        final boolean[] wide;
        final Envelope[] polygonBoxes;
        /** Polygon i's rings are {@code firstRing[i]} up to {@code firstRing[i + 1]}. */
        final int[] firstRing;
        /** Runs of up to {@link #RUN} edges, {ring, first edge, end edge (exclusive)}, by their boxes. */
        private final STRtree runIndex = new STRtree();

        private Cover(Geometry cover, IndexedPointInAreaLocator locator) {
            this.locator = locator;
            int n = cover.getNumGeometries();
            polygonBoxes = new Envelope[n];
            firstRing = new int[n + 1];
            List<Envelope> boxes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Polygon c = (Polygon) cover.getGeometryN(i);
                polygonBoxes[i] = c.getEnvelopeInternal();
                firstRing[i] = rings.size();
                rings.add(oriented(c.getExteriorRing(), true));
                boxes.add(c.getExteriorRing().getEnvelopeInternal());
                for (int h = 0; h < c.getNumInteriorRing(); h++) {
                    rings.add(oriented(c.getInteriorRingN(h), false));
                    boxes.add(c.getInteriorRingN(h).getEnvelopeInternal());
                }
            }
            firstRing[n] = rings.size();
            ringBoxes = boxes.toArray(Envelope[]::new);
            wide = new boolean[rings.size()];
            for (int r = 0; r < rings.size(); r++) {
                Coordinate[] ring = rings.get(r);
                wide[r] = spansHalfTheGlobe(ring, false);
                for (int start = 0; start < ring.length - 1; start += RUN) {
                    int end = Math.min(ring.length - 1, start + RUN);
                    Envelope box = new Envelope();
                    for (int i = start; i <= end; i++) {
                        box.expandToInclude(ring[i]);
                    }
                    runIndex.insert(box, new int[] {r, start, end});
                }
            }
            runIndex.build();
        }

        /** Where {@code c} lies relative to the cover (its locator's answer). */
        public int locate(Coordinate c) {
            return locator.locate(c);
        }

        /** The runs whose boxes meet {@code box}, in ring and edge order. */
        @SuppressWarnings("unchecked")
        List<int[]> runsNear(Envelope box) {
            List<int[]> runs = new ArrayList<>(runIndex.query(box));
            runs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            return runs;
        }
    }

    /**
     * Proper crossings between P's and C's edges: per edge, triples (fraction along the edge, lon, lat)
     * sorted by fraction. Null when any pair touches at a vertex or overlaps (degenerate).
     */
    private static final class Crossings implements SegmentIntersector {
        private final List<double[]>[] onPEdges;
        private final List<double[]>[] onCEdges;
        private final LineIntersector li = new RobustLineIntersector();
        private boolean degenerate;
        private final List<SegmentString> cStrings;
        private final double[][][] pCuts;
        private final double[][][] cCuts;

        @SuppressWarnings("unchecked")
        private Crossings(List<Coordinate[]> p, List<Coordinate[]> c, List<int[]> runs, Envelope near) {
            cStrings = touching(c, runs, near);
            onPEdges = new List[p.size()];
            onCEdges = new List[c.size()];
            pCuts = new double[p.size()][][];
            cCuts = new double[c.size()][][];
        }

        static Crossings find(PolygonTerms p, List<Coordinate[]> c, List<int[]> runs, Envelope near) {
            Crossings x = new Crossings(p.rings, c, runs, near);
            if (x.cStrings.isEmpty()) {
                return x;
            }
            // the cover's runs are indexed once per call, and each chunk of P near them is chained against it; every
            // pair of P's and C's edges lies in exactly one chunk, so each crossing is found once
            java.util.Set<Chunk> chunks = new java.util.LinkedHashSet<>();
            for (SegmentString run : x.cStrings) {
                chunks.addAll(p.chunksNear(org.locationtech.jts.geom.CoordinateArrays.envelope(run.getCoordinates())));
            }
            if (chunks.isEmpty()) {
                return x;
            }
            // JTS's MCIndexSegmentSetMutualIntersector, with P's side kept: a chunk's monotone chains are built once
            // per polygon, not on every call (rebuilding them was a fifth of Belarus at 1,000 km's statistics)
            STRtree coverChains = new STRtree();
            for (SegmentString run : x.cStrings) {
                for (Object mc : MonotoneChainBuilder.getChains(run.getCoordinates(), run)) {
                    coverChains.insert(((MonotoneChain) mc).getEnvelope(), mc);
                }
            }
            MonotoneChainOverlapAction overlap = new MonotoneChainOverlapAction() {
                @Override
                public void overlap(MonotoneChain p, int pStart, MonotoneChain c, int cStart) {
                    x.processIntersections((SegmentString) p.getContext(), pStart, (SegmentString) c.getContext(), cStart);
                }
            };
            for (Chunk chunk : chunks) {
                @SuppressWarnings("unchecked")
                List<MonotoneChain> coverNear = coverChains.query(chunk.box);
                if (coverNear.isEmpty()) {
                    continue;
                }
                STRtree pChains = chunk.chains();
                for (MonotoneChain cc : coverNear) {
                    @SuppressWarnings("unchecked")
                    List<MonotoneChain> pNear = pChains.query(cc.getEnvelope());
                    for (MonotoneChain pc : pNear) {
                        pc.computeOverlaps(cc, overlap);
                        if (x.degenerate) {
                            return null;
                        }
                    }
                }
            }
            group(x.onPEdges, x.pCuts);
            group(x.onCEdges, x.cCuts);
            return x;
        }

        /**
         * The cover's runs near P cut to stretches of consecutive edges that touch {@code near} (P's envelope), tagged
         * {1, ring, offset of the stretch's first edge}: only those can cross P.
         */
        private static List<SegmentString> touching(List<Coordinate[]> rings, List<int[]> runs, Envelope near) {
            List<SegmentString> out = new ArrayList<>();
            for (int[] run : runs) {
                Coordinate[] ring = rings.get(run[0]);
                int start = -1;
                for (int i = run[1]; i <= run[2]; i++) {
                    boolean touches = i < run[2] && near.intersects(ring[i], ring[i + 1]);
                    if (touches && start < 0) {
                        start = i;
                    } else if (!touches && start >= 0) {
                        out.add(new BasicSegmentString(java.util.Arrays.copyOfRange(ring, start, i + 1),
                            new int[] {1, run[0], start}));
                        start = -1;
                    }
                }
            }
            return out;
        }

        @Override
        public boolean isDone() {
            return degenerate;
        }

        @Override
        public void processIntersections(SegmentString e0, int i0, SegmentString e1, int i1) {
            SegmentString ps = ((int[]) e0.getData())[0] == 0 ? e0 : e1;
            SegmentString cs = ps == e0 ? e1 : e0;
            int pi = ps == e0 ? i0 : i1;
            int ci = ps == e0 ? i1 : i0;
            Coordinate p0 = ps.getCoordinate(pi);
            Coordinate p1 = ps.getCoordinate(pi + 1);
            Coordinate c0 = cs.getCoordinate(ci);
            Coordinate c1 = cs.getCoordinate(ci + 1);
            li.computeIntersection(p0, p1, c0, c1);
            if (!li.hasIntersection()) {
                return;
            }
            if (!li.isProper() || li.getIntersectionNum() != 1) {
                degenerate = true;
                return;
            }
            Coordinate x = li.getIntersection(0);
            add(onPEdges, ((int[]) ps.getData())[1], pi + ((int[]) ps.getData())[2], x, p0, p1);
            add(onCEdges, ((int[]) cs.getData())[1], ci + ((int[]) cs.getData())[2], x, c0, c1);
        }

        private static void add(List<double[]>[] lists, int ring, int edge, Coordinate x, Coordinate a, Coordinate b) {
            if (lists[ring] == null) {
                lists[ring] = new ArrayList<>();
            }
            double dx = b.x - a.x;
            double dy = b.y - a.y;
            double t = ((x.x - a.x) * dx + (x.y - a.y) * dy) / (dx * dx + dy * dy);
            lists[ring].add(new double[] {edge, t, x.x, x.y});
        }

        /** Per ring, per edge: the crossings sorted along the edge, flattened as (t, lon, lat) triples. */
        private static void group(List<double[]>[] lists, double[][][] out) {
            for (int r = 0; r < lists.length; r++) {
                if (lists[r] == null) {
                    continue;
                }
                lists[r].sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
                int start = 0;
                List<double[]> l = lists[r];
                int maxEdge = 0;
                for (double[] e : l) {
                    maxEdge = Math.max(maxEdge, (int) e[0]);
                }
                double[][] edges = new double[maxEdge + 1][];
                while (start < l.size()) {
                    int end = start;
                    while (end < l.size() && l.get(end)[0] == l.get(start)[0]) {
                        end++;
                    }
                    double[] flat = new double[3 * (end - start)];
                    for (int k = start; k < end; k++) {
                        double[] e = l.get(k);
                        flat[3 * (k - start)] = e[1];
                        flat[3 * (k - start) + 1] = e[2];
                        flat[3 * (k - start) + 2] = e[3];
                    }
                    edges[(int) l.get(start)[0]] = flat;
                    start = end;
                }
                out[r] = edges;
            }
        }

        /** Whether any of the cover's edges crosses ring {@code ring} of P. */
        boolean cutsP(int ring) {
            return pCuts[ring] != null;
        }

        double[] onP(int ring, int edge) {
            return at(pCuts, ring, edge);
        }

        double[] onC(int ring, int edge) {
            return at(cCuts, ring, edge);
        }

        private static double[] at(double[][][] cuts, int ring, int edge) {
            double[][] edges = cuts[ring];
            return edges == null || edge >= edges.length ? null : edges[edge];
        }
    }
}

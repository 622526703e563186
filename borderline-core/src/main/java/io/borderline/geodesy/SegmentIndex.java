package io.borderline.geodesy;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Nearest-point queries from a point to a fixed set of boundary segments, geodesic on WGS84.
 *
 * <p>Segments are held in a bounding-volume hierarchy of axis-aligned boxes in Earth-centred
 * (ECEF) coordinates, built once by recursive median splits. A query works in two steps:
 * <ol>
 *   <li>A depth-first descent, nearer child first, measures straight lines only. Every segment whose
 *   chord lies nearer than the pruning chord becomes a candidate; the nearest candidate's vertices (real
 *   points of the ellipsoid) bound the answer from above by {@link Wgs84#maxGeodesicM} of their chord, and
 *   that bound, through {@link Wgs84#maxChordM}, sets the pruning chord: no point of the ellipsoid that
 *   far in a straight line is nearer along the surface. Boxes at least that far are skipped.</li>
 *   <li>The candidates are measured exactly with GeographicLib ({@link GeodesicSegments}), nearest chord
 *   first; each one whose chord lower bound reaches {@link Wgs84#maxChordM} of the best exact distance so
 *   far is skipped, and so is a vertex shared with the best segment. Usually one inverse solution per query
 *   ({@link GeodesicSegments#inverseCalls} counts them).</li>
 * </ol>
 * Every box and every segment's lower bound allows for the largest departure of its edge from its chord,
 * so pruning never discards the true nearest segment: the result is the exact minimum over all segments
 * (to the accuracy of {@link GeodesicSegments}: within 0.25 m of a brute-force minimisation along geodesic
 * edges), not an approximation by a projection or a sphere. The descent visits O(log n) boxes with n
 * segments.
 *
 * <p>Immutable after construction and safe for concurrent queries.
 */
public final class SegmentIndex {
    private static final int LEAF_SIZE = 8;

    /** Doubles per segment in {@link #segments}: A xyz, B xyz (ECEF metres), then the slack. */
    private static final int SEGMENT_STRIDE = 7;
    /** Doubles per node in {@link #nodes}: box min xyz, max xyz, then two links (see {@link #nodes}). */
    private static final int NODE_STRIDE = 8;

    private final int size;
    // Per segment, in the index's sorted order. What a query's descent reads (the chord ends and the
    // sagitta bound) is packed together, so a leaf's segments are one contiguous run of memory.
    private final double[] segments;
    private final double[] lat; // 2 per segment: A, B; read only to measure candidates
    private final double[] lon;
    private final int[] sourceId; // caller's id per segment (e.g. which border pair)
    /**
     * Per node, in depth-first order (a left child follows its parent): the box, then for an inner node its
     * two children's indexes, for a leaf -1 - (its first segment) and the end of its range.
     */
    private final double[] nodes;
    private final int nodeCount;

    private SegmentIndex(Builder b) {
        size = b.count;
        segments = new double[SEGMENT_STRIDE * size];
        lat = new double[2 * size];
        lon = new double[2 * size];
        sourceId = new int[size];
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        double[] centre = new double[3 * size];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < 3; k++) {
                centre[3 * i + k] = (b.ecef[6 * i + k] + b.ecef[6 * i + 3 + k]) / 2;
            }
        }
        // node numbers are fixed by the sizes alone (depth-first, a left child right after its parent), so the
        // two halves of a split can be built on two threads and give the same array as one thread would
        nodeCount = nodesFor(size);
        nodes = new double[NODE_STRIDE * nodeCount];
        if (size > 0) {
            new Split(order, centre, 0, size, 0, b).invoke();
        }
        for (int j = 0; j < size; j++) {
            int i = order[j];
            System.arraycopy(b.lat, 2 * i, lat, 2 * j, 2);
            System.arraycopy(b.lon, 2 * i, lon, 2 * j, 2);
            System.arraycopy(b.ecef, 6 * i, segments, SEGMENT_STRIDE * j, 6);
            segments[SEGMENT_STRIDE * j + 6] = b.slack[i];
            sourceId[j] = b.source[i];
        }
    }

    /** Segments below which a split is built on the calling thread. */
    private static final int PARALLEL_MIN = 1 << 16;

    /** Sizes seen while building: each level of the tree has at most two subtree sizes. */
    private final java.util.Map<Integer, Integer> nodesMemo = new java.util.concurrent.ConcurrentHashMap<>();

    /** Nodes of a subtree over n segments: median splits down to leaves of at most LEAF_SIZE. */
    private int nodesFor(int n) {
        if (n <= LEAF_SIZE) {
            return 1;
        }
        Integer known = nodesMemo.get(n);
        if (known != null) {
            return known;
        }
        int left = n / 2; // the split puts (hi - lo) / 2 segments on the left
        int count = 1 + nodesFor(left) + nodesFor(n - left);
        nodesMemo.put(n, count);
        return count;
    }

    /** Builds node {@code node} over order[lo, hi) and its subtree; large halves in parallel. */
    private final class Split extends java.util.concurrent.RecursiveAction {
        private final int[] order;
        private final double[] centre;
        private final int lo;
        private final int hi;
        private final int node;
        private final Builder b;

        Split(int[] order, double[] centre, int lo, int hi, int node, Builder b) {
            this.order = order;
            this.centre = centre;
            this.lo = lo;
            this.hi = hi;
            this.node = node;
            this.b = b;
        }

        @Override
        protected void compute() {
            int mid = split(order, centre, lo, hi, node, b);
            if (mid < 0) {
                return;
            }
            int right = node + 1 + nodesFor(mid - lo);
            Split l = new Split(order, centre, lo, mid, node + 1, b);
            Split r = new Split(order, centre, mid, hi, right, b);
            if (hi - lo >= PARALLEL_MIN) {
                invokeAll(l, r);
            } else {
                l.compute();
                r.compute();
            }
        }
    }

    /**
     * Writes node {@code node}'s box over order[lo, hi); for a leaf its range, else its children's numbers
     * after reordering order[lo, hi) around the median of the longest axis. Returns the split, or -1 for a leaf.
     */
    private int split(int[] order, double[] centre, int lo, int hi, int node, Builder b) {
        double[] bb = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int j = lo; j < hi; j++) {
            int i = order[j];
            double s = b.slack[i];
            for (int e = 0; e < 2; e++) {
                for (int k = 0; k < 3; k++) {
                    double v = b.ecef[6 * i + 3 * e + k];
                    bb[k] = Math.min(bb[k], v - s);
                    bb[3 + k] = Math.max(bb[3 + k], v + s);
                }
            }
        }
        int n = NODE_STRIDE * node;
        System.arraycopy(bb, 0, nodes, n, 6);
        if (hi - lo <= LEAF_SIZE) {
            nodes[n + 6] = -1 - lo;
            nodes[n + 7] = hi;
            return -1;
        }
        int axis = 0;
        double extent = -1;
        for (int k = 0; k < 3; k++) {
            if (bb[3 + k] - bb[k] > extent) {
                extent = bb[3 + k] - bb[k];
                axis = k;
            }
        }
        int mid = (lo + hi) >>> 1;
        select(order, centre, axis, lo, hi - 1, mid);
        nodes[n + 6] = node + 1;
        nodes[n + 7] = node + 1 + nodesFor(mid - lo);
        return mid;
    }

    /**
     * Quickselect: reorders {@code order[lo..hi]} so that position {@code k} holds the segment
     * whose centre coordinate on {@code axis} would be there in sorted order, smaller ones
     * before it and larger ones after. Linear on average, which keeps the build O(n log n).
     */
    private static void select(int[] order, double[] centre, int axis, int lo, int hi, int k) {
        while (hi > lo) {
            double pivot = centre[3 * order[(lo + hi) >>> 1] + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (centre[3 * order[i] + axis] < pivot) {
                    i++;
                }
                while (centre[3 * order[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Number of segments indexed. */
    public int size() {
        return size;
    }

    /** Caller-supplied id of segment {@code segment} (as returned in {@link NearestPoint#segment()}). */
    public int sourceOf(int segment) {
        return sourceId[segment];
    }

    /**
     * For each segment of this index (by the numbers {@link NearestPoint#segment()} gives), the source id of a
     * segment of {@code other} with the same two vertices, either way round, or -1 where {@code other} has none.
     * Lets a query on this index answer for {@code other} too where the nearest segment is one they share.
     */
    public int[] sourcesIn(SegmentIndex other) {
        return sharedWith(other).sources();
    }

    /**
     * The segments this index shares with {@code other} (as {@link #sourcesIn}), and {@code other}'s segments this
     * index does not repeat, as an index of their own with their source ids.
     */
    public record Shared(int[] sources, SegmentIndex otherOnly) {}

    /** See {@link Shared}: one pass over this index against a hash of {@code other}'s segments. */
    public Shared sharedWith(SegmentIndex other) {
        java.util.Map<Edge, Integer> theirs = new java.util.HashMap<>(2 * other.size);
        for (int k = 0; k < other.size; k++) {
            theirs.putIfAbsent(other.edge(k), k);
        }
        java.util.Set<Edge> repeated = new java.util.HashSet<>();
        int[] sources = new int[size];
        for (int j = 0; j < size; j++) {
            Edge e = edge(j);
            Integer k = theirs.get(e);
            sources[j] = k == null ? -1 : other.sourceId[k];
            if (k != null) {
                repeated.add(e);
            }
        }
        Builder b = new Builder();
        for (int k = 0; k < other.size; k++) {
            if (!repeated.contains(other.edge(k))) {
                b.add(other.lat[2 * k], other.lon[2 * k], other.lat[2 * k + 1], other.lon[2 * k + 1], other.sourceId[k]);
            }
        }
        return new Shared(sources, b.build());
    }

    /** A segment's two vertices, the lesser first, so that a segment and its reverse are equal. */
    private record Edge(double lat1, double lon1, double lat2, double lon2) {}

    private Edge edge(int j) {
        double la = lat[2 * j], oa = lon[2 * j], lb = lat[2 * j + 1], ob = lon[2 * j + 1];
        boolean swap = la > lb || (la == lb && oa > ob);
        return swap ? new Edge(lb, ob, la, oa) : new Edge(la, oa, lb, ob);
    }

    /**
     * Nearest point of all indexed segments to (lat, lon).
     *
     * @return the nearest point, or null if the index is empty
     */
    public NearestPoint nearest(double latDeg, double lonDeg) {
        return nearestWithin(latDeg, lonDeg, Double.POSITIVE_INFINITY);
    }

    /**
     * Nearest point closer than {@code boundM} metres, or null if there is none; a finite
     * bound lets callers that minimise over many queries prune early.
     */
    public NearestPoint nearestWithin(double latDeg, double lonDeg, double boundM) {
        if (size == 0) {
            return null;
        }
        Search s = new Search(latDeg, lonDeg, boundM);
        descend(0, s);
        return s.evaluate();
    }

    /** Straight-line lower bound in metres from the query to everything in the index. */
    public double lowerBoundM(double latDeg, double lonDeg) {
        if (size == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] p = new double[3];
        Wgs84.toEcef(latDeg, lonDeg, p, 0);
        return Math.sqrt(boxDistanceSq(0, p[0], p[1], p[2]));
    }

    /**
     * One query in two steps. The descent measures no geodesic: it collects the candidate segments, those
     * whose chord lower bound is under {@link #pruneChordM}, the chord that bounds (by {@link Wgs84#maxChordM})
     * the geodesic upper bound {@link Wgs84#maxGeodesicM} of the nearest vertex seen so far. Then
     * {@link #evaluate} measures the nearest chord's candidate exactly, then only those whose lower bound the
     * best exact distance does not beat: usually one inverse solution per query.
     */
    private final class Search {
        final double lat, lon, x, y, z;
        final double boundM;
        /** Segments whose chord lower bound reaches this cannot hold the nearest point. */
        double pruneChordM;
        /** Its square: boxes are compared squared, without a square root. */
        double pruneChordSq;
        /** Smallest squared chord distance from the query to a candidate's vertex, m². */
        double nearestVertexSq = Double.POSITIVE_INFINITY;
        int count;
        int[] segment = new int[16];
        double[] fraction = new double[16];
        double[] chord = new double[16];
        double[] lower = new double[16];

        Search(double lat, double lon, double boundM) {
            this.lat = lat;
            this.lon = lon;
            double[] p = new double[3];
            Wgs84.toEcef(lat, lon, p, 0);
            x = p[0];
            y = p[1];
            z = p[2];
            this.boundM = boundM;
            setPrune(Wgs84.maxChordM(boundM));
        }

        void setPrune(double chordM) {
            pruneChordM = chordM;
            pruneChordSq = chordM * chordM;
        }

        void offer(int j, double t, double chordM, double lowerM) {
            if (count == segment.length) {
                int n = 2 * count;
                segment = Arrays.copyOf(segment, n);
                fraction = Arrays.copyOf(fraction, n);
                chord = Arrays.copyOf(chord, n);
                lower = Arrays.copyOf(lower, n);
            }
            segment[count] = j;
            fraction[count] = t;
            chord[count] = chordM;
            lower[count] = lowerM;
            count++;
            // the segment's vertices are real points of the ellipsoid: the chord to the nearer one bounds its
            // geodesic distance from above, and so the answer
            double vertexSq = Math.min(chordSqTo(SEGMENT_STRIDE * j), chordSqTo(SEGMENT_STRIDE * j + 3));
            if (vertexSq < nearestVertexSq) {
                nearestVertexSq = vertexSq;
                double beyond = Wgs84.chordBeyondM(Math.sqrt(vertexSq));
                if (beyond < pruneChordM) {
                    setPrune(beyond);
                }
            }
        }

        private double chordSqTo(int e) {
            double dx = segments[e] - x, dy = segments[e + 1] - y, dz = segments[e + 2] - z;
            return dx * dx + dy * dy + dz * dz;
        }

        NearestPoint evaluate() {
            if (count == 0) {
                return null; // nothing within the bound (a finite one), and no geodesic to measure
            }
            // nearest chord first: its exact distance is almost always the answer, and prunes the rest
            int first = 0;
            for (int i = 1; i < count; i++) {
                if (chord[i] < chord[first]) {
                    first = i;
                }
            }
            NearestPoint best = measure(first, null, boundM);
            double bestChordM = best == null ? pruneChordM : Wgs84.maxChordM(best.distanceM());
            for (int i = 0; i < count; i++) {
                if (i != first && lower[i] < bestChordM) {
                    NearestPoint candidate = measure(i, best, best == null ? boundM : best.distanceM());
                    if (candidate != null) {
                        best = candidate;
                        bestChordM = Wgs84.maxChordM(best.distanceM());
                    }
                }
            }
            return best;
        }

        /** Candidate i measured exactly if nearer than {@code belowM}, else null; a vertex of {@code best} is not re-measured. */
        private NearestPoint measure(int i, NearestPoint best, double belowM) {
            int j = segment[i];
            double t = fraction[i];
            if (best != null && (t == 0 || t == 1) && best.lat() == SegmentIndex.this.lat[2 * j + (int) t]
                && best.lon() == SegmentIndex.this.lon[2 * j + (int) t]) {
                return null; // a vertex shared with the best segment: same point, same distance
            }
            NearestPoint p = GeodesicSegments.measure(lat, lon, SegmentIndex.this.lat[2 * j],
                SegmentIndex.this.lon[2 * j], SegmentIndex.this.lat[2 * j + 1], SegmentIndex.this.lon[2 * j + 1], t, j);
            return p.distanceM() < belowM ? p : null;
        }
    }

    private void descend(int node, Search s) {
        int n = NODE_STRIDE * node;
        int l = (int) nodes[n + 6];
        if (l < 0) {
            for (int j = -1 - l, end = (int) nodes[n + 7]; j < end; j++) {
                visitSegment(j, s);
            }
            return;
        }
        int r = (int) nodes[n + 7];
        double dl = boxDistanceSq(l, s.x, s.y, s.z);
        double dr = boxDistanceSq(r, s.x, s.y, s.z);
        if (dr < dl) {
            int t = l;
            l = r;
            r = t;
            double d = dl;
            dl = dr;
            dr = d;
        }
        if (dl < s.pruneChordSq) {
            descend(l, s);
        }
        if (dr < s.pruneChordSq) {
            descend(r, s);
        }
    }

    private void visitSegment(int j, Search s) {
        int e = SEGMENT_STRIDE * j;
        double ax = segments[e], ay = segments[e + 1], az = segments[e + 2];
        double dx = segments[e + 3] - ax, dy = segments[e + 4] - ay, dz = segments[e + 5] - az;
        double px = s.x - ax, py = s.y - ay, pz = s.z - az;
        double len2 = dx * dx + dy * dy + dz * dz;
        double t = len2 == 0 ? 0 : (px * dx + py * dy + pz * dz) / len2;
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double cx = t * dx - px, cy = t * dy - py, cz = t * dz - pz;
        double chordSq = cx * cx + cy * cy + cz * cz;
        double reach = s.pruneChordM + segments[e + 6]; // chord - slack < prune, squared without a root
        if (chordSq < reach * reach) {
            double chord = Math.sqrt(chordSq);
            s.offer(j, t, chord, chord - segments[e + 6]);
        }
    }

    private double boxDistanceSq(int node, double x, double y, double z) {
        int b = NODE_STRIDE * node;
        double dx = Math.max(0, Math.max(nodes[b] - x, x - nodes[b + 3]));
        double dy = Math.max(0, Math.max(nodes[b + 1] - y, y - nodes[b + 4]));
        double dz = Math.max(0, Math.max(nodes[b + 2] - z, z - nodes[b + 5]));
        return dx * dx + dy * dy + dz * dz;
    }

    /** Collects segments; not thread-safe. */
    public static final class Builder {
        private int count;
        private double[] lat = new double[1024];
        private double[] lon = new double[1024];
        private double[] ecef = new double[3072];
        private double[] slack = new double[512];
        private int[] source = new int[512];

        /** Adds every edge of every line and ring of {@code geometry} (x = lon, y = lat). */
        public Builder addGeometry(Geometry geometry, int sourceId) {
            for (Object line : LinearComponentExtracter.getLines(geometry)) {
                addLine((LineString) line, sourceId);
            }
            return this;
        }

        public Builder addGeometries(List<? extends Geometry> geometries, int sourceId) {
            geometries.forEach(g -> addGeometry(g, sourceId));
            return this;
        }

        private void addLine(LineString line, int sourceId) {
            // read through the sequence: no Coordinate object per vertex (Russia has 1.5 million)
            org.locationtech.jts.geom.CoordinateSequence c = line.getCoordinateSequence();
            for (int i = 1; i < c.size(); i++) {
                double x0 = c.getX(i - 1);
                double y0 = c.getY(i - 1);
                double x1 = c.getX(i);
                double y1 = c.getY(i);
                if (x0 != x1 || y0 != y1) {
                    add(y0, x0, y1, x1, sourceId);
                }
            }
        }

        /** Adds one edge from (latA, lonA) to (latB, lonB), degrees. */
        public Builder add(double latA, double lonA, double latB, double lonB, int sourceId) {
            if (count == slack.length) {
                int n = count * 2;
                lat = Arrays.copyOf(lat, 2 * n);
                lon = Arrays.copyOf(lon, 2 * n);
                ecef = Arrays.copyOf(ecef, 6 * n);
                slack = Arrays.copyOf(slack, n);
                source = Arrays.copyOf(source, n);
            }
            lat[2 * count] = latA;
            lon[2 * count] = lonA;
            lat[2 * count + 1] = latB;
            lon[2 * count + 1] = lonB;
            Wgs84.toEcef(latA, lonA, ecef, 6 * count);
            Wgs84.toEcef(latB, lonB, ecef, 6 * count + 3);
            double dx = ecef[6 * count + 3] - ecef[6 * count];
            double dy = ecef[6 * count + 4] - ecef[6 * count + 1];
            double dz = ecef[6 * count + 5] - ecef[6 * count + 2];
            double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
            // The edge is evaluated as a linear lon/lat interpolation, a curve on the surface whose
            // curvature can reach 1/(r cos(lat)) (a parallel); bound its bulge over the chord by
            // the sagitta at that curvature, with a floor of cos 80° for edges nearer the poles.
            double cosLat = Math.max(Math.cos(Math.toRadians(Math.max(Math.abs(latA), Math.abs(latB)))), 0.17);
            slack[count] = Wgs84.sagittaBoundM(chord) / cosLat;
            source[count] = sourceId;
            count++;
            return this;
        }

        public SegmentIndex build() {
            return new SegmentIndex(this);
        }
    }
}

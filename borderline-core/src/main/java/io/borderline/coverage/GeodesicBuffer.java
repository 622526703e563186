package io.borderline.coverage;

import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.Wgs84;
import io.borderline.topology.IndexedValidity;
import io.borderline.topology.PolygonRepair;
import io.borderline.topology.RingwiseSimplifier;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * True geodesic buffer on WGS84: the set of points within R of a source, for R from 1 to
 * 2,500 km.
 *
 * <p>Method: (1) a first guess of the outline is a planar buffer in an azimuthal equidistant
 * projection centred on the source (exact for a single point, a few per cent off far from the
 * centre); (2) every outline vertex is moved along the geodesic from its nearest source point
 * to exactly R, using the exact source distance (GeographicLib over every source segment), and
 * re-measured until it lies within a quarter of the tolerance; (3) every edge whose midpoint is
 * off by more than half the tolerance is split at a corrected midpoint, recursively, and where
 * halving cannot mend it (a channel of the uncovered side narrower than the edge) the outline is
 * traced along R instead (from both ends where a cusp stops it); (4) the rings are repaired where they cross, and
 * rings with a vertex or an edge midpoint off R are corrected again; pairs of chords that run side by side over
 * covered ground to a pocket of the uncovered side are closed, and a chord still left over covered ground is
 * covered by geodesic discs of radius R round its nearest source points, whose arcs are corrected like the rest;
 * every vertex and edge midpoint of the answer is measured ({@code max_outline_error_m}). No single
 * projection carries the answer: only exact geodesic distances decide where the outline lies,
 * so the error does not grow with R or latitude. Outlines crossing the antimeridian are split
 * into parts on either side (RFC 7946 §3.1.9); an outline round a pole the coverage holds is closed through that
 * pole, so the answer reaches latitude ±90° there (a polar cap, as RFC 7946 draws one).
 *
 * <p>Thread-safe: stateless apart from its parameters.
 */
public final class GeodesicBuffer {
    public static final double MIN_RANGE_M = 1_000;
    public static final double MAX_RANGE_M = 2_500_000;
    /** Outline vertices of one coverage never exceed this (documented limit). */
    public static final int MAX_VERTICES = 200_000;
    private static final int MAX_CORRECTIONS = 24;
    /** Longest a single outline computation may run by default (documented limit; the server scales it). */
    public static final long DEADLINE_SECONDS = 20;
    private static final int MAX_SPLIT_DEPTH = 12;
    /** Most vertices the halvings of one edge insert ({@code Outline.split}): a real edge needs a few dozen. */
    private static final int MAX_SPLIT_VERTICES = 64;
    /** Longest trace of the outline along R past one edge that halving could not mend ({@code Outline.trace}). */
    private static final int MAX_TRACE_STEPS = 1_000;
    /** Steps after which a trace that has not left its start's neighbourhood gives up. */
    private static final int STUCK_TRACE_STEPS = 60;
    /**
     * Rounds of {@link Outline#settle} after the repair: each moves the vertices the repair created onto R; the
     * next repair may node the few edges that then cross again.
     */
    private static final int SETTLE_PASSES = 3;
    /** Rounds of discs over the chords left over covered ground ({@code Outline.discsOverCoveredChords}). */
    private static final int DISC_ROUNDS = 3;
    /** Steps of a walk along an uncovered channel that a chord closes ({@code Outline.alongChannel}). */
    private static final int CHANNEL_STEPS = 64;

    private final GeometryFactory factory;

    private final long deadlineSeconds;

    public GeodesicBuffer(GeometryFactory factory) {
        this(factory, DEADLINE_SECONDS);
    }

    /** @param deadlineSeconds longest one outline computation may run, first guess included, seconds */
    public GeodesicBuffer(GeometryFactory factory, long deadlineSeconds) {
        if (deadlineSeconds < 1) {
            throw new IllegalArgumentException("deadline " + deadlineSeconds + " s");
        }
        this.factory = factory;
        this.deadlineSeconds = deadlineSeconds;
    }

    /** The outline tolerance for range R: max(0.1 % of R, 20 m). */
    public static double toleranceM(double rangeM) {
        return Math.max(0.001 * rangeM, 20);
    }

    public Coverage compute(Source source, double rangeM) {
        if (!(rangeM >= MIN_RANGE_M && rangeM <= MAX_RANGE_M)) {
            throw new IllegalArgumentException("range " + rangeM + " m outside 1 to 2,500 km");
        }
        long t0 = System.nanoTime();
        double tol = toleranceM(rangeM);
        SourceDistance dist = source.distance();
        int pole = coveredPole(dist, rangeM + tol);
        long deadline = t0 + deadlineSeconds * 1_000_000_000L; // the first guess counts too
        Geometry guess = firstGuess(source.geometry(), rangeM, deadline, pole);
        Point centre = centre(source.geometry());
        double centreLon = centre.getX();
        Outline outline = new Outline(dist, rangeM, tol, centre, deadline, pole);
        List<Polygon> corrected = new ArrayList<>();
        for (int i = 0; i < guess.getNumGeometries(); i++) {
            Polygon p = (Polygon) guess.getGeometryN(i);
            LinearRing shell = outline.correctRing(p.getExteriorRing().getCoordinates(), false);
            if (shell == null) {
                throw new CoverageLimitException("no outline vertex could be placed within tolerance");
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                Coordinate[] hole = p.getInteriorRingN(h).getCoordinates();
                int unplacedBefore = outline.unplaced.size();
                LinearRing fixed = outline.correctRing(hole, true);
                if (fixed != null) {
                    holes.add(fixed);
                } else if (outline.allWithinRange(hole)) {
                    // an artefact of the first guess: all of it lies within R, so it is covered, not dropped
                    outline.forgetUnplaced(unplacedBefore);
                } else {
                    // a gap too small to keep a ring at R (it collapsed to fewer than three distinct vertices):
                    // each of its vertices is checked against the answer like any other vertex left out
                    outline.forgetUnplaced(unplacedBefore);
                    outline.unplaced.addAll(List.of(hole).subList(0, hole.length - 1));
                }
            }
            corrected.add(factory.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
        // a cap's closure may have moved to another vertex; and a part whose rings begin on the other side of 180°
        // would overlap another part's turn on the globe while lying apart from it in the plane
        corrected = pole != 0 ? intoPolarSpan(corrected, factory) : intoWindow(corrected, centreLon - 180, factory);
        if (outline.vertices > MAX_VERTICES) {
            throw new CoverageLimitException("the coverage outline needs more than " + MAX_VERTICES + " vertices");
        }
        // The source is part of its coverage: the first guess encloses it (a buffer of its
        // outer rings), and the corrected outline lies at R outside it.
        Geometry result = PolygonRepair.fix(factory.createMultiPolygon(corrected.toArray(Polygon[]::new)));
        for (int pass = 0; pass < SETTLE_PASSES && outline.hasStray(result); pass++) {
            result = PolygonRepair.fix(outline.settle(result));
        }
        Geometry closed = outline.closeInlets(result);
        if (closed != result) {
            result = closed;
            for (int pass = 0; pass < SETTLE_PASSES && outline.hasStray(result); pass++) {
                result = PolygonRepair.fix(outline.settle(result));
            }
        }
        for (int round = 0; round < DISC_ROUNDS; round++) {
            List<Polygon> discs = outline.discsOverCoveredChords(result);
            List<Polygon> cuts = outline.discsBeyondUncoveredChords(result);
            if (discs.isEmpty() && cuts.isEmpty()) {
                break;
            }
            if (!discs.isEmpty()) {
                result = PolygonRepair.fix(unionNear(result, discs));
            }
            if (!cuts.isEmpty()) {
                result = PolygonRepair.fix(differenceNear(result, cuts));
            }
            for (int pass = 0; pass < SETTLE_PASSES && outline.hasStray(result); pass++) {
                result = PolygonRepair.fix(outline.settle(result));
            }
        }
        outline.measureUnmeasuredEdges(result);
        int dropped = outline.misplacedBy(result);
        result = splitAtAntimeridian(result, factory);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Coverage(source, rangeM, tol, result, outline.maxError, dropped, ms);
    }

    /** {@code g} with the polygons {@code added} unioned into the parts whose boxes they meet (the rest untouched). */
    private Geometry unionNear(Geometry g, List<? extends Geometry> added) {
        Envelope reach = new Envelope();
        added.forEach(a -> reach.expandToInclude(a.getEnvelopeInternal()));
        List<Geometry> kept = new ArrayList<>();
        List<Geometry> merged = new ArrayList<>(added);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            boolean meets = false;
            if (p.getEnvelopeInternal().intersects(reach)) {
                for (Geometry a : added) {
                    meets |= p.getEnvelopeInternal().intersects(a.getEnvelopeInternal());
                }
            }
            (meets ? merged : kept).add(p);
        }
        Cancellation.check();
        Geometry union = OverlayNGRobust.union(factory.buildGeometry(merged));
        for (int i = 0; i < union.getNumGeometries(); i++) {
            if (union.getGeometryN(i) instanceof Polygon part && !part.isEmpty()) {
                kept.add(part);
            }
        }
        return factory.buildGeometry(kept);
    }

    /** {@code g} with the polygons {@code removed} cut out of the parts whose boxes meet theirs (the rest untouched). */
    private Geometry differenceNear(Geometry g, List<? extends Geometry> removed) {
        Geometry cut = OverlayNGRobust.union(factory.buildGeometry(removed));
        Envelope reach = cut.getEnvelopeInternal();
        List<Geometry> kept = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (!p.getEnvelopeInternal().intersects(reach)) {
                kept.add(p);
                continue;
            }
            Cancellation.check();
            Geometry rest = OverlayNGRobust.overlay(p, cut, OverlayNG.DIFFERENCE);
            for (int k = 0; k < rest.getNumGeometries(); k++) {
                if (rest.getGeometryN(k) instanceof Polygon part && !part.isEmpty()) {
                    kept.add(part);
                }
            }
        }
        return factory.buildGeometry(kept);
    }

    /**
     * The pole within {@code limitM} of the source: +1 the North Pole, -1 the South Pole, 0 neither. Its coverage's
     * outer ring then winds once round that pole; see {@link #aroundPole}.
     */
    private static int coveredPole(SourceDistance dist, double limitM) {
        boolean north = dist.nearest(90, 0).distanceM() <= limitM;
        boolean south = dist.nearest(-90, 0).distanceM() <= limitM;
        if (north && south) {
            throw new CoverageLimitException("the coverage would contain both poles; use a smaller range");
        }
        return north ? 1 : south ? -1 : 0;
    }

    /**
     * A ring that winds once round a pole, closed through it. In longitude/latitude such a ring does not close: walked
     * once round, its longitude (kept continuous) ends 360° from where it began. The covered side is the pole's, so
     * the ring is cut at its vertex nearest the pole and closed along that vertex's meridian to the pole, along the
     * pole (a line of latitude ±90°, a single point on the ellipsoid) and back down the same meridian 360° away; no
     * edge of the ring can cross that meridian above its most poleward vertex. The answer is then a plain polygon in
     * longitude/latitude reaching ±90°, as RFC 7946 draws a polar cap, and is cut at the antimeridian like any other.
     * The closing edges are not on R: {@link #isPoleClosure} tells them apart, and they are neither corrected nor
     * measured.
     *
     * @param loop the ring's vertices once round, without the closing repeat, longitudes continuous
     * @param shift the longitude the loop gains once round, ±360
     * @param pole +1 north, -1 south
     */
    static Coordinate[] aroundPole(List<Coordinate> loop, double shift, int pole) {
        int m = 0;
        for (int i = 1; i < loop.size(); i++) {
            if (pole * loop.get(i).y > pole * loop.get(m).y) {
                m = i;
            }
        }
        List<Coordinate> ring = new ArrayList<>(loop.size() + 4);
        for (int i = m; i < loop.size(); i++) {
            ring.add(loop.get(i));
        }
        for (int i = 0; i <= m; i++) {
            Coordinate c = loop.get(i);
            ring.add(new Coordinate(c.x + shift, c.y));
        }
        Coordinate start = loop.get(m);
        ring.add(new Coordinate(start.x + shift, 90.0 * pole));
        ring.add(new Coordinate(start.x, 90.0 * pole));
        ring.add(new Coordinate(start));
        return ring.toArray(Coordinate[]::new);
    }

    /** Whether c is a vertex of a ring's closure through a pole ({@link #aroundPole}): on the pole itself. */
    static boolean isPoleClosure(Coordinate c) {
        return Math.abs(c.y) == 90;
    }

    /** Whether the ring was closed through a pole ({@link #aroundPole}). */
    static boolean closedThroughAPole(LineString ring) {
        for (Coordinate c : ring.getCoordinates()) {
            if (isPoleClosure(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ring's vertices without its closure through a pole, once round from just after it (without the closing
     * repeat), or null when the ring does not pass through a pole. The longitude jumps by 360° from the last vertex
     * back to the first: the correction's unwrapping sees the ring wind again.
     */
    static Coordinate[] withoutPoleClosure(Coordinate[] ring) {
        int n = ring.length - 1; // the last repeats the first
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (isPoleClosure(ring[i]) && !isPoleClosure(ring[(i + 1) % n])) {
                last = i;
            }
        }
        if (last < 0) {
            return null;
        }
        List<Coordinate> out = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            Coordinate c = ring[(last + k) % n];
            if (!isPoleClosure(c)) {
                out.add(c);
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    /**
     * The middle of the source's box, its longitude taken on the circle: a source split at the antimeridian
     * (Russia, Fiji) would otherwise be centred near Greenwich, half a world away, and its first guess torn.
     */
    private Point centre(Geometry source) {
        Envelope e = source.getEnvelopeInternal();
        return factory.createPoint(new Coordinate(io.borderline.geodesy.LongitudeSpan.of(source).centre(),
            (e.getMinY() + e.getMaxY()) / 2));
    }

    /** Planar buffer in an azimuthal equidistant projection centred on the source, back in lon/lat. */
    private Geometry firstGuess(Geometry source, double rangeM, long deadline, int pole) {
        Point c = centre(source);
        AzimuthalEquidistant aeqd = new AzimuthalEquidistant(c.getY(), c.getX());
        // Only the guess is simplified; corrections use the full source. A tolerance of R/10
        // keeps the guess well within reach of the correction step.
        double degrees = Math.min(rangeM / 10, 20_000) / 111_000;
        Geometry shells = withoutHoles(source); // lakes are part of a territory source
        // as many arc points as a circle needs at this tolerance (a chord of a circle of radius R
        // strays R(1 - cos(pi/n)) from it), so wiggly sources do not explode the vertex count
        double tol = toleranceM(rangeM);
        int perCircle = (int) Math.ceil(Math.PI / Math.acos(1 - tol / rangeM));
        BufferParameters params = new BufferParameters(Math.max(2, (perCircle + 3) / 4));
        Geometry buffered;
        if (shells.getNumPoints() > 50) {
            // in two pieces shared between the threads (Parallel), then their union
            List<Geometry> pieces = Parallel.map(guessPieces(shells, c.getX()), piece -> bufferParts(
                aeqd.forward(simplifyParts(factory.buildGeometry(piece), degrees, deadline)), rangeM, params, deadline));
            Cancellation.check();
            buffered = pieces.size() == 1 ? pieces.get(0) : OverlayNGRobust.union(pieces);
        } else {
            buffered = bufferParts(aeqd.forward(shells.isEmpty() ? source.getCentroid() : shells), rangeM, params,
                deadline);
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < buffered.getNumGeometries(); i++) {
            Polygon p = (Polygon) buffered.getGeometryN(i);
            LinearRing shell = unproject(aeqd, p.getExteriorRing().getCoordinates(), pole);
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                holes.add(unproject(aeqd, p.getInteriorRingN(h).getCoordinates(), 0));
            }
            polygons.add(factory.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
        return factory.createMultiPolygon((pole == 0 ? polygons : intoPolarSpan(polygons, factory)).toArray(Polygon[]::new));
    }

    /**
     * The polygons with, where one of them is closed through a pole ({@link #aroundPole}), every ring moved by whole
     * turns of 360° into that cap's span of longitude [x0, x0 + 360): each ring is unwrapped from its own first vertex,
     * so a hole of the cap, or an island's disc over it, could lie a turn away from it in the plane, outside the shell
     * or apart from what it overlaps on the globe.
     */
    static List<Polygon> intoPolarSpan(List<Polygon> polygons, GeometryFactory factory) {
        double x0 = Double.NaN;
        for (Polygon p : polygons) {
            if (closedThroughAPole(p.getExteriorRing())) {
                x0 = p.getEnvelopeInternal().getMinX();
            }
        }
        if (Double.isNaN(x0)) {
            return polygons;
        }
        List<Polygon> out = new ArrayList<>(polygons.size());
        for (Polygon p : polygons) {
            LinearRing shell = p.getExteriorRing();
            boolean cap = shell.getEnvelopeInternal().getWidth() >= 360;
            if (!cap) {
                shell = intoSpan(shell, x0);
            }
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = intoSpan(p.getInteriorRingN(h), cap ? x0 : shell.getEnvelopeInternal().centre().x - 180);
            }
            out.add(factory.createPolygon(shell, holes));
        }
        return out;
    }

    /**
     * The polygons, each moved by whole turns so that the middle of its shell's longitudes lies in [x0, x0 + 360): x0
     * is half a turn west of the source's centre. The guess's rings are unprojected each from its own first vertex, so
     * a part near 180° may lie a turn away from the part it meets on the globe, and a hole a turn away from its shell:
     * the repair, which sees only the plane, made such holes into parts of the coverage (Russia at 5 km: ten pockets
     * of open sea off Chukotka, at 172.6 to 178.6° W, inside the mainland's coverage, which runs on to 190.5° E). Each
     * hole is moved into the half-turn either side of its shell's middle.
     */
    static List<Polygon> intoWindow(List<Polygon> polygons, double x0, GeometryFactory factory) {
        List<Polygon> out = new ArrayList<>(polygons.size());
        for (Polygon p : polygons) {
            LinearRing shell = intoSpan(p.getExteriorRing(), x0);
            double holesFrom = shell.getEnvelopeInternal().centre().x - 180;
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            boolean moved = shell != p.getExteriorRing();
            for (int h = 0; h < holes.length; h++) {
                holes[h] = intoSpan(p.getInteriorRingN(h), holesFrom);
                moved |= holes[h] != p.getInteriorRingN(h);
            }
            out.add(moved ? factory.createPolygon(shell, holes) : p);
        }
        return out;
    }

    /** The ring moved by whole turns so that the middle of its longitudes lies in [x0, x0 + 360). */
    private static LinearRing intoSpan(LinearRing ring, double x0) {
        double middle = ring.getEnvelopeInternal().centre().x;
        double turns = Math.floor((middle - x0) / 360);
        return turns == 0 ? ring : (LinearRing) AffineTransformation.translationInstance(-360 * turns, 0).transform(ring);
    }

    /**
     * The geometry's parts in two pieces for the first guess, west and east (by their boxes' middle longitude,
     * unwrapped to within 180° of {@code centreLon}), with about as many vertices each. Each piece is buffered and
     * unioned apart, and the two meet along a short seam: Russia at 5 km, 9,618 parts, unions its halves in 0.08–0.15
     * s. (Pieces cut otherwise cost more: the mainland alone, unioned with the rest, is noded against it again at
     * every level of the cascade, about 1 s.)
     */
    static List<List<Geometry>> guessPieces(Geometry g, double centreLon) {
        List<Geometry> parts = new ArrayList<>(g.getNumGeometries());
        for (int i = 0; i < g.getNumGeometries(); i++) {
            parts.add(g.getGeometryN(i));
        }
        parts.sort(java.util.Comparator.comparingDouble(p -> unwrap(p.getEnvelopeInternal().centre().x, centreLon)));
        return Parallel.halves(parts, Geometry::getNumPoints);
    }

    /**
     * Douglas–Peucker part by part, without JTS's repair of the whole result: that repair is a buffer(0) over
     * the whole geometry, quadratic in the number of islands and lakes (tens of seconds on Russia, in one
     * uninterruptible call). A part the simplification made invalid is repaired alone, keeping both orientations
     * of its loops: where the simplified ring crosses itself at a neck narrower than the tolerance, the land
     * behind the neck is a loop of the opposite orientation, which the buffer by R would take for a hole, so the
     * guess would leave that land uncovered (Russia at 5 km: 175 of 9,314 parts; on Bolshevik Island, 7 % of its
     * area lay outside the coverage). Cancellable between parts.
     */
    private Geometry simplifyParts(Geometry source, double degrees, long deadline) {
        List<Geometry> parts = new ArrayList<>(source.getNumGeometries());
        for (int i = 0; i < source.getNumGeometries(); i++) {
            checkDeadline(deadline);
            // ring by ring: JTS's DouglasPeuckerSimplifier would run IsValidOp on the part, then so would we
            Geometry part = RingwiseSimplifier.simplify(source.getGeometryN(i), degrees);
            if (part.getDimension() == 2 && !part.isEmpty() && !IndexedValidity.isValid(part)) {
                part = GeometryFixer.fix(part); // both orientations of each loop kept, as a union of faces
            }
            int kept = 0;
            for (int k = 0; k < part.getNumGeometries(); k++) {
                if (!part.getGeometryN(k).isEmpty()) {
                    parts.add(part.getGeometryN(k));
                    kept++;
                }
            }
            if (kept == 0) {
                // an island smaller than the tolerance collapses to nothing; without it in the guess its
                // coverage would be missing altogether (a lone island of Fiji's Lau group), so keep a point of it
                parts.add(source.getGeometryN(i).getInteriorPoint());
            }
        }
        return factory.buildGeometry(parts);
    }

    /**
     * The planar buffer of a multi-part source, part by part, then one cascaded union. JTS buffers a
     * multipolygon of thousands of islands (Russia, Norway) in one graph whose depth location is quadratic
     * in the number of parts: tens of seconds in one uninterruptible call. Part by part, each buffer is
     * small, and the computation can be cancelled between parts.
     */
    private Geometry bufferParts(Geometry projected, double rangeM, BufferParameters params, long deadline) {
        if (projected.getNumGeometries() == 1) {
            return org.locationtech.jts.operation.buffer.BufferOp.bufferOp(projected, rangeM, params);
        }
        List<Geometry> parts = new ArrayList<>(projected.getNumGeometries());
        for (int i = 0; i < projected.getNumGeometries(); i++) {
            checkDeadline(deadline);
            parts.add(org.locationtech.jts.operation.buffer.BufferOp.bufferOp(projected.getGeometryN(i), rangeM, params));
        }
        Cancellation.check();
        return OverlayNGRobust.union(parts);
    }

    /** Stops with a 422-mapped {@link CoverageLimitException} past the engine deadline (and on cancellation). */
    private void checkDeadline(long deadlineNanos) {
        Cancellation.check();
        if (System.nanoTime() > deadlineNanos) {
            throw new CoverageLimitException("the coverage would take longer than the computation deadline of "
                + deadlineSeconds + " s; use a simpler source or a larger range");
        }
    }

    private Geometry withoutHoles(Geometry g) {
        if (g.getDimension() < 2) {
            return g;
        }
        List<Polygon> shells = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                shells.add(factory.createPolygon(p.getExteriorRing().getCoordinates()));
            }
        }
        return factory.createMultiPolygon(shells.toArray(Polygon[]::new));
    }

    /**
     * Back to lon/lat, keeping longitudes continuous across the antimeridian; a ring that winds round the covered pole
     * ({@code pole} ±1; 0 for a hole, or when no pole is covered) is closed through it ({@link #aroundPole}).
     */
    private LinearRing unproject(AzimuthalEquidistant aeqd, Coordinate[] ring, int pole) {
        List<Coordinate> out = new ArrayList<>(ring.length);
        for (int i = 0; i < ring.length - 1; i++) {
            Coordinate c = aeqd.reverse(ring[i].x, ring[i].y);
            if (i > 0) {
                c.x = unwrap(c.x, out.get(i - 1).x);
            }
            out.add(c);
        }
        double shift = unwrap(out.get(0).x, out.get(out.size() - 1).x) - out.get(0).x;
        if (Math.abs(shift) > 180) {
            if (pole == 0) {
                throw new CoverageLimitException("the coverage outline encircles a pole it does not cover;"
                    + " use a smaller range");
            }
            return factory.createLinearRing(aroundPole(out, shift, pole));
        }
        out.add(new Coordinate(out.get(0)));
        return factory.createLinearRing(out.toArray(Coordinate[]::new));
    }

    static double unwrap(double lon, double previous) {
        while (lon - previous > 180) {
            lon -= 360;
        }
        while (lon - previous < -180) {
            lon += 360;
        }
        return lon;
    }

    /**
     * Cuts the polygons whose longitudes run past ±180 into parts inside [-180, 180]. Only the polygons that reach
     * past ±180 are cut, each by the windows of 360° its box meets, and only the parts moved by a turn are unioned,
     * with what their boxes meet (on the globe they may overlap a polygon that was already inside): Russia at 5 km
     * holds 1,900 polygons of which one crosses, and five overlays of the whole answer and a union of every part
     * cost 0.64 s before.
     */
    static Geometry splitAtAntimeridian(Geometry g, GeometryFactory factory) {
        if (withinLongitudes(g.getEnvelopeInternal())) {
            return g;
        }
        List<Geometry> inPlace = new ArrayList<>();
        List<Geometry> moved = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            Envelope pe = p.getEnvelopeInternal();
            if (withinLongitudes(pe)) {
                inPlace.add(p);
                continue;
            }
            for (int shift = -720; shift <= 720; shift += 360) {
                double west = -180 - shift;
                double east = 180 - shift;
                if (pe.getMaxX() <= west || pe.getMinX() >= east) {
                    continue; // the polygon does not reach into this window (or only touches its side)
                }
                Geometry piece;
                if (pe.getMinX() >= west && pe.getMaxX() <= east) {
                    piece = p.copy(); // wholly in this window: moved, not cut
                } else {
                    try {
                        // a copy: the overlay may share coordinates with its input, and the shift below must not move g
                        piece = OverlayNGRobust.overlay(p, factory.toGeometry(new Envelope(west, east, -90, 90)),
                            OverlayNG.INTERSECTION).copy();
                    } catch (org.locationtech.jts.geom.TopologyException topology) {
                        // not seen since the first guess is centred on the source's longitude span; if an outline still
                        // cannot be cut at 180°, say so rather than fail with a 500
                        throw new CoverageLimitException("the coverage crosses the antimeridian in a way the"
                            + " longitude/latitude output cannot represent; use a smaller range or a source that does"
                            + " not cross 180°");
                    }
                }
                if (piece.isEmpty()) {
                    continue;
                }
                if (shift != 0) {
                    final int s = shift;
                    piece.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += s);
                    piece.geometryChanged();
                }
                for (int k = 0; k < piece.getNumGeometries(); k++) {
                    if (piece.getGeometryN(k) instanceof Polygon part && !part.isEmpty()) {
                        (shift == 0 ? inPlace : moved).add(part);
                    }
                }
            }
        }
        if (moved.isEmpty()) {
            return factory.buildGeometry(inPlace);
        }
        // what stayed in place is disjoint already (parts of one valid answer); a moved part may overlap it
        List<Geometry> kept = new ArrayList<>();
        List<Geometry> merged = new ArrayList<>(moved);
        for (Geometry p : inPlace) {
            boolean meets = false;
            for (Geometry m : moved) {
                meets |= p.getEnvelopeInternal().intersects(m.getEnvelopeInternal());
            }
            (meets ? merged : kept).add(p);
        }
        Geometry union = OverlayNGRobust.union(factory.buildGeometry(merged));
        for (int i = 0; i < union.getNumGeometries(); i++) {
            if (union.getGeometryN(i) instanceof Polygon part && !part.isEmpty()) {
                kept.add(part);
            }
        }
        return factory.buildGeometry(kept);
    }

    /** Whether a box lies within longitudes [-180, 180]. */
    private static boolean withinLongitudes(Envelope e) {
        return e.getMinX() >= -180 && e.getMaxX() <= 180;
    }

    /** Moves outline vertices onto the R level set and splits edges that stray from it. */
    private final class Outline {
        final SourceDistance dist;
        final double r;
        final double tol;
        final Point centre;
        final long deadline;
        /** The pole the coverage holds: +1 north, -1 south, 0 neither ({@link #aroundPole}). */
        final int pole;
        int vertices;
        /**
         * First-guess vertices that could not be placed on R (no point of R found near them): their neighbours'
         * edge is split instead. Most lie where the outline does not pass at all (a guess ring around a gap that is
         * in truth covered); {@link #misplacedBy} counts those the answer puts on the wrong side.
         */
        final List<Coordinate> unplaced = new ArrayList<>();
        double maxError;
        /** Vertices inserted so far into the edge {@link #split} is halving. */
        private int splitVertices;
        /**
         * Whether {@link #correct} accepts a point only where the outline really passes ({@link #reachesRange});
         * set by {@link #settle}, so the first correction keeps its cost. Where two parts of the source face each
         * other across a gap about 2R wide (Russia at 15 km: Kandalaksha Bay between 66.45 N 34.18 E and 66.54 N
         * 34.05 E), the distance has a ridge along the middle of the gap whose height is within the tolerance of R:
         * points on it pass the distance test, yet the outline is not there (the gap is covered, or uncovered only
         * in spots narrower than the tolerance). A ring of the first guess that runs along the ridge keeps such
         * vertices, and its chords between them cut through the covered water up to 274 m inside R (the split
         * only measures midpoints, which lie on the ridge). The repair then nodes those chords where they cross
         * another ring (the shell's outline of the open bay): vertices up to 129.6 m inside R, which each settle
         * pass moved onto R and the next repair created again at the same crossings. Confirmed, the ridge
         * vertices are dropped from the rings being settled, the chords along the ridge go, and one pass settles.
         */
        boolean confirm;
        /** Whether the covered side lies to the right of the ring being corrected, walking along it ({@link #trace}). */
        boolean coveredOnRight;
        /**
         * The edges whose midpoint {@link #split} or {@link #trace} measured and kept, by value (the repairs copy
         * coordinates): {@link #measureUnmeasuredEdges} measures the rest of the final outline's.
         */
        final java.util.Set<Edge> measured = new java.util.HashSet<>();
        /**
         * What a settling pass has already tried to correct, by value: where a repair makes the same vertex or edge
         * again (an edge across a channel no trace follows), a further pass would only redo the same work.
         */
        final java.util.Set<Coordinate> settledVertices = new java.util.HashSet<>();
        final java.util.Set<Edge> settledEdges = new java.util.HashSet<>();
        /**
         * Vertices measured within the tolerance of R, by value (copies: rings move their own vertices by whole turns),
         * and the midpoint errors of edges measured after they were made. Whether a vertex or an edge strays depends
         * on its ends' values alone, so each settling scan measures only what the last repair made: Russia at 5 km,
         * 157,000 vertices, cost 0.7 s of exact distances per scan before.
         */
        final java.util.Set<Coordinate> placedOnRange = new java.util.HashSet<>();
        final java.util.Map<Edge, Double> edgeErrors = new java.util.HashMap<>();

        Outline(SourceDistance dist, double r, double tol, Point centre, long deadline, int pole) {
            this.pole = pole;
            this.deadline = deadline;
            this.dist = dist;
            this.r = r;
            this.tol = tol;
            this.centre = centre;
        }

        /**
         * True when a vertex of {@code g} lies off R by more than the tolerance. The corrected rings can cross
         * (a hole's edge through the shell, two parts' outlines overlapping, a ring folding at a cusp between
         * two source parts); the repair that unions them puts a vertex at every crossing, on two chords and so
         * inside R by up to their sagitta (Russia at 15 km: 3,236 such vertices, five of them 20 to 204 m off,
         * e.g. 72.9 m at 44.7553 N 35.2925 E off Crimea's coast).
         */
        boolean hasStray(Geometry g) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                for (int h = -1; h < p.getNumInteriorRing(); h++) {
                    if (strays(h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * True when a vertex of the ring lies off R by more than the tolerance, or the midpoint of an edge not
         * measured where it was made (a repair's, a failed trace's) does.
         */
        private boolean strays(LinearRing ring) {
            Coordinate[] cs = ring.getCoordinates();
            for (int k = 0; k + 1 < cs.length; k++) {
                if (strayVertex(cs[k]) || strayEdge(cs[k], cs[k + 1])) {
                    return true;
                }
            }
            return false;
        }

        /** A vertex astray that no settling pass has tried to correct yet. */
        private boolean strayVertex(Coordinate c) {
            return !settledVertices.contains(c) && stray(c);
        }

        /** An outline edge, not measured where it was made, whose midpoint strays, and no settling pass tried yet. */
        private boolean strayEdge(Coordinate a, Coordinate b) {
            if (!onOutline(a, b)) {
                return false;
            }
            Edge e = Edge.of(a, b);
            return !measured.contains(e) && !settledEdges.contains(e) && edgeError(e) > tol;
        }

        /** The midpoint error of an edge not measured where it was made, measured once. */
        private double edgeError(Edge e) {
            Double known = edgeErrors.get(e);
            if (known == null) {
                known = chordError(e.a(), e.b());
                edgeErrors.put(e, known);
            }
            return known;
        }

        /** A vertex off R by more than the tolerance; a ring's closure through a pole is not on R and never strays. */
        private boolean stray(Coordinate c) {
            if (isPoleClosure(c) || placedOnRange.contains(c)) {
                return false;
            }
            if (Math.abs(dist.nearest(c.y, c.x).distanceM() - r) > tol) {
                return true;
            }
            placed(c);
            return false;
        }

        /** Records a vertex measured within the tolerance of R. */
        private void placed(Coordinate c) {
            placedOnRange.add(new Coordinate(c.x, c.y));
        }

        /** Whether the edge is part of the outline at R, not of a ring's closure through a pole. */
        private static boolean onOutline(Coordinate a, Coordinate b) {
            return !isPoleClosure(a) && !isPoleClosure(b);
        }

        /** {@code g} with every ring that holds a stray vertex corrected again, vertex by vertex and edge by edge. */
        Geometry settle(Geometry g) {
            confirm = true;
            List<Polygon> out = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                LinearRing shell = settleRing(p.getExteriorRing(), false);
                if (shell == null) {
                    continue;
                }
                List<LinearRing> holes = new ArrayList<>();
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    LinearRing hole = settleRing(p.getInteriorRingN(h), true);
                    if (hole != null) {
                        holes.add(hole);
                    }
                }
                out.add(factory.createPolygon(shell, holes.toArray(LinearRing[]::new)));
            }
            return factory.createMultiPolygon(out.toArray(Polygon[]::new));
        }

        /**
         * The ring corrected again if it holds a stray vertex. A ring that collapses (fewer than three of its
         * vertices can be placed on R) with every vertex within R + tol is a sliver the repair cut between
         * crossing rings where, in truth, the gap between two source parts is covered (its largest distance stays
         * under R, so no point of it can be placed on R): it goes (null), uncounted. Russia at 15 km had one, a
         * triangle 5 km long off Onega Bay with a vertex 79.7 m inside R.
         */
        private LinearRing settleRing(LinearRing ring, boolean hole) {
            Coordinate[] cs = ring.getCoordinates();
            boolean[] dirty = strayVertices(cs);
            if (dirty == null) {
                return ring;
            }
            int unplacedBefore = unplaced.size();
            vertices -= cs.length;
            LinearRing settled = pole != 0 && closedThroughAPole(ring) ? correctRing(cs, hole) : correctAround(cs, dirty, hole);
            if (settled != null) {
                return settled;
            }
            vertices += cs.length;
            if (allWithin(cs, r + tol)) {
                forgetUnplaced(unplacedBefore);
                return null;
            }
            return ring;
        }

        /**
         * Per vertex of the closed ring (without its repeat), whether it is settled again: it strays, it ends an edge
         * that strays ({@link #strays}), or it lies on a ridge of the distance ({@link #confirm}) next to one that is
         * settled. Null when nothing strays.
         */
        private boolean[] strayVertices(Coordinate[] cs) {
            int n = cs.length - 1;
            boolean[] dirty = new boolean[n];
            boolean any = false;
            for (int k = 0; k < n; k++) {
                if (strayVertex(cs[k])) {
                    dirty[k] = any = true;
                    settledVertices.add(cs[k]);
                }
                if (strayEdge(cs[k], cs[k + 1])) {
                    dirty[k] = dirty[(k + 1) % n] = any = true;
                    settledEdges.add(Edge.of(cs[k], cs[k + 1]));
                }
            }
            if (!any) {
                return null;
            }
            boolean[] seeds = dirty.clone();
            for (int k = 0; k < n; k++) {
                if (seeds[k]) {
                    for (int step = -1; step <= 1; step += 2) {
                        int j = Math.floorMod(k + step, n);
                        while (!dirty[j] && !onRange(cs[j])) {
                            dirty[j] = true;
                            j = Math.floorMod(j + step, n);
                        }
                    }
                }
            }
            return dirty;
        }

        /** Whether a vertex within the tolerance of R is where the outline really passes, not on a ridge. */
        private boolean onRange(Coordinate c) {
            return isPoleClosure(c) || reachesRange(c, dist.nearest(c.y, c.x));
        }

        /**
         * The ring with its {@code dirty} vertices corrected again and the edges on either side of each split
         * ({@link #split}); the other vertices and the edges between them stay as they are, measured. A settling pass
         * so costs the few hundred vertices round the crossings the repair made, not the whole ring (Russia at 5 km:
         * 104,000 vertices corrected again per pass for 3 to 6 edges astray).
         */
        private LinearRing correctAround(Coordinate[] cs, boolean[] dirty, boolean hole) {
            int n = dirty.length;
            int s = 0;
            while (s < n && dirty[s]) {
                s++;
            }
            if (s == n) {
                return correctRing(cs, hole);
            }
            coveredOnRight = hole == Orientation.isCCWArea(cs);
            List<Coordinate> out = new ArrayList<>(n + 16);
            Coordinate prev = cs[s];
            out.add(prev);
            boolean unchangedEdge = true;
            for (int i = 1; i <= n; i++) {
                int k = (s + i) % n;
                Coordinate next;
                if (dirty[k]) {
                    unchangedEdge = false;
                    next = correct(cs[k]);
                    if (next == null) {
                        continue;
                    }
                    next.x = unwrap(next.x, prev.x);
                } else {
                    next = i == n ? new Coordinate(cs[k]) : cs[k];
                    double x = unwrap(next.x, prev.x);
                    if (x != next.x) {
                        next = new Coordinate(x, next.y);
                    }
                }
                if (!unchangedEdge || dirty[k]) {
                    split(prev, next, out, 0);
                }
                out.add(next);
                prev = next;
                unchangedEdge = !dirty[k];
            }
            if (Math.abs(prev.x - cs[s].x) > 1e-9 || out.size() < 4) {
                return correctRing(cs, hole); // wound round a pole or collapsed: the whole ring again
            }
            vertices += out.size();
            if (vertices > MAX_VERTICES) {
                throw new CoverageLimitException("the coverage outline needs more than " + MAX_VERTICES + " vertices");
            }
            return factory.createLinearRing(out.toArray(Coordinate[]::new));
        }

        /**
         * Adds to {@link #maxError} the midpoint error of every edge of the final outline {@code g} not measured
         * where it was made: edges the repairs cut at a crossing or joined anew, and the few a split left astray
         * where the trace failed too. With the vertices (each measured as it was placed or settled), every vertex
         * and every edge midpoint of the answer is then measured.
         */
        void measureUnmeasuredEdges(Geometry g) {
            forEachEdge(g, (a, b) -> {
                Edge e = Edge.of(a, b);
                if (onOutline(a, b) && !measured.contains(e)) {
                    Cancellation.check();
                    maxError = Math.max(maxError, edgeError(e));
                }
            });
        }

        /** Calls {@code visit} with every edge, start then end, of every ring of the polygonal {@code g}. */
        private static void forEachEdge(Geometry g, java.util.function.BiConsumer<Coordinate, Coordinate> visit) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                for (int h = -1; h < p.getNumInteriorRing(); h++) {
                    Coordinate[] cs = (h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h)).getCoordinates();
                    for (int k = 0; k + 1 < cs.length; k++) {
                        visit.accept(cs[k], cs[k + 1]);
                    }
                }
            }
        }

        /**
         * {@code g} with every inlet closed: a pair of chords of one ring that run side by side, a few metres to a few
         * hundred apart, across ground within R of the source, out to a pocket of the uncovered side and back
         * (Russia at 5 km: 3.6 km from a cusp of a gap in Amur Bay, 43.16 N 131.84 E, to a pocket 300 m across; 2.4 km
         * off Novaya Zemlya, 75.40 N 57.5 E; 5.2 km, to the tip of a spike, off Chukotka, 66.95 N 172.8 W). The first
         * guess joined the pocket to its gap by a channel that is not there; every midpoint the split corrects lands on
         * a side of the chords again, and the trace from one end of a chord, round its own gap, never reaches the other
         * (a closed loop of R). The strip between the two chords is covered: it is added to the answer, which cuts the
         * ring into the gap and the pocket (a spike's tip alone goes). The same holds between two parts apart along a
         * covered neck (73.79 N 84.70 E). A strip is added only when its chords' midpoints and three points of its
         * middle line lie within R + tol; its ends are new edges, which the settling passes correct and measure like
         * any other.
         */
        Geometry closeInlets(Geometry g) {
            List<Coordinate[]> chords = new ArrayList<>();
            forEachEdge(g, (a, b) -> {
                if (coveredChord(a, b)) {
                    chords.add(new Coordinate[] {a, b});
                }
            });
            List<Geometry> strips = new ArrayList<>();
            for (Coordinate[] chord : chords) {
                Polygon strip = inletStrip(chord, chords);
                if (strip != null) {
                    strips.add(strip);
                }
            }
            if (strips.isEmpty()) {
                return g;
            }
            return unionNear(g, strips);
        }

        /**
         * Geodesic discs of radius R round the source points nearest the chords that corrections, traces and inlet
         * closures left over covered ground (Australia at 10 km: a 7.6 km chord 751 m inside R in the Torres Strait,
         * 143.21 E 9.64 S, where the level set has cusps between several islands and no trace follows it). Every
         * point of such a disc lies within R of the source, so adding one never covers too much. Walking the chord,
         * each disc covers it as far as the walked point's margin below R, so together they cover every part of it
         * more than the tolerance inside R; their arcs then settle onto R like any other vertex. Empty when no
         * such chord is left. (Chords over uncovered ground, beyond R, are not mended here: they stay in
         * {@link #maxError}.)
         */
        List<Polygon> discsOverCoveredChords(Geometry g) {
            java.util.Set<LatLon> centres = new java.util.LinkedHashSet<>();
            forEachEdge(g, (a, b) -> {
                // a chord the answer's window holds a turn away (Chukotka, the Aleutians) would get its disc in the
                // source's own longitudes, apart from it in the plane: left as it is, and reported
                if (!onOutline(a, b) || Math.abs(a.x) > 180 || Math.abs(b.x) > 180 || Math.abs(b.x - a.x) > 180
                        || measured.contains(Edge.of(a, b)) || edgeError(Edge.of(a, b)) <= tol) {
                    return;
                }
                double len = metres(a, b);
                for (double t = 0; len > 0 && t <= len; ) {
                    Cancellation.check();
                    double f = t / len;
                    SourceDistance.Nearest n = dist.nearest(a.y + f * (b.y - a.y), a.x + f * (b.x - a.x));
                    double margin = r - n.distanceM();
                    if (margin > tol) {
                        centres.add(n.point());
                    }
                    t += Math.max(margin, tol);
                }
            });
            List<Polygon> discs = new ArrayList<>();
            for (LatLon q : centres) {
                Polygon disc = disc(new Coordinate(q.lon(), q.lat()), r); // none round a pole or across 180°: reported
                if (disc != null) {
                    discs.add(disc);
                }
            }
            return discs;
        }

        /**
         * Geodesic discs round the points of the chords that cross uncovered ground more than the tolerance beyond R,
         * each of radius its centre's distance beyond R, so every point of a disc lies at R or beyond and cutting one
         * out never uncovers ground within R (the counterpart of {@link #discsOverCoveredChords}). Norway at 5 km has
         * such a chord at 79.435 N 15.645 E, Svalbard: it closed a channel 42.5 m wide between the R circles of two
         * source points 10,042.5 m apart, its midpoint 21.3 m beyond R; every corrected midpoint landed on an end,
         * and each settling pass made the chord again a metre further along. Cut through, the channel is open and
         * its walls settle onto R. Empty when no such chord is left.
         */
        List<Polygon> discsBeyondUncoveredChords(Geometry g) {
            List<Polygon> discs = new ArrayList<>();
            org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator[] answer = {null}; // built if needed
            forEachEdge(g, (a, b) -> {
                if (!onOutline(a, b) || Math.abs(a.x) > 180 || Math.abs(b.x) > 180 || Math.abs(b.x - a.x) > 180
                        || measured.contains(Edge.of(a, b)) || edgeError(Edge.of(a, b)) <= tol) {
                    return;
                }
                double len = metres(a, b);
                Coordinate widest = null;
                double widestMargin = tol;
                for (double t = 0; len > 0 && t <= len; ) {
                    Cancellation.check();
                    double f = t / len;
                    Coordinate p = new Coordinate(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y));
                    double margin = dist.nearest(p.y, p.x).distanceM() - r;
                    if (margin > tol) {
                        Polygon disc = disc(p, margin);
                        if (disc != null) {
                            discs.add(disc);
                        }
                        if (margin > widestMargin) {
                            widest = p;
                            widestMargin = margin;
                        }
                    }
                    t += Math.max(margin, tol);
                }
                if (widest != null) {
                    if (answer[0] == null) {
                        answer[0] = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(g);
                    }
                    alongChannel(widest, widestMargin, answer[0], discs);
                }
            });
            return discs;
        }

        /**
         * Discs along the uncovered channel that a chord closes, from its widest point {@code p} ({@code margin}
         * beyond R) to where the channel comes out of the answer (Indonesia at 5 km: a channel east of 128.41 E,
         * 0.95 S, which a cut of the chord alone only moved 70 m along per round). Each step goes to the point of the
         * current disc's rim, ahead, that lies farthest beyond R among those the answer still covers (the channel's
         * middle), and adds the disc there; it stops when every such point ahead lies outside the answer (the channel
         * is open into the uncovered side) or within the tolerance of R (a dead end), after at most
         * {@link #CHANNEL_STEPS} steps.
         */
        private void alongChannel(Coordinate p, double margin,
                                  org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator answer,
                                  List<Polygon> discs) {
            double heading = Double.NaN;
            for (int step = 0; step < CHANNEL_STEPS; step++) {
                Cancellation.check();
                Coordinate next = null;
                double nextMargin = tol;
                double nextHeading = Double.NaN;
                for (int k = 0; k < 16; k++) {
                    double azi = 22.5 * k;
                    if (!Double.isNaN(heading) && Math.abs(Math.IEEEremainder(azi - heading, 360)) > 90) {
                        continue; // not back where the walk came from
                    }
                    GeodesicData d = Wgs84.GEODESIC.Direct(p.y, p.x, azi, margin,
                        GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.AZIMUTH);
                    Coordinate q = new Coordinate(unwrap(d.lon2, p.x), d.lat2);
                    if (answer.locate(q) == org.locationtech.jts.geom.Location.EXTERIOR) {
                        continue;
                    }
                    double m = dist.nearest(q.y, q.x).distanceM() - r;
                    if (m > nextMargin) {
                        next = q;
                        nextMargin = m;
                        nextHeading = d.azi2;
                    }
                }
                if (next == null) {
                    return;
                }
                Polygon disc = disc(next, nextMargin);
                if (disc == null) {
                    return;
                }
                discs.add(disc);
                p = next;
                margin = nextMargin;
                heading = nextHeading;
            }
        }

        /**
         * The geodesic disc of radius {@code radiusM} round c as a polygon inscribed in it, or null round a pole or
         * across 180°. Its edges are the chord whose sagitta is half the tolerance, as the outline's own, with at
         * least 8 sides.
         */
        private Polygon disc(Coordinate c, double radiusM) {
            if (Math.abs(c.y) >= 80) {
                return null;
            }
            int sides = Math.max(8, (int) Math.ceil(2 * Math.PI * radiusM / (2 * Math.sqrt(radiusM * tol))));
            Coordinate[] ring = new Coordinate[sides + 1];
            for (int k = 0; k < sides; k++) {
                GeodesicData d = Wgs84.GEODESIC.Direct(c.y, c.x, 360.0 * k / sides, radiusM,
                    GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                ring[k] = new Coordinate(unwrap(d.lon2, c.x), d.lat2);
                if (Math.abs(ring[k].x) > 180) {
                    return null;
                }
            }
            ring[sides] = ring[0];
            return factory.createPolygon(ring);
        }

        /** An outline edge whose midpoint lies more than the tolerance within R: it runs over covered ground. */
        private boolean coveredChord(Coordinate a, Coordinate b) {
            if (!onOutline(a, b) || measured.contains(Edge.of(a, b)) || edgeError(Edge.of(a, b)) <= tol) {
                return false;
            }
            return dist.nearest((a.y + b.y) / 2, (a.x + b.x) / 2).distanceM() < r;
        }

        /**
         * The strip between the chord a to b and the covered chord that comes back beside it (c to d, c near b and d
         * near a; c is b itself at a spike's tip), of the same ring or of another (two parts of the answer apart along
         * a covered neck), or null when no chord does, or the strip between them reaches ground beyond R + tol.
         */
        private Polygon inletStrip(Coordinate[] chord, List<Coordinate[]> chords) {
            Coordinate a = chord[0];
            Coordinate b = chord[1];
            Coordinate[] partner = null;
            double bestGap = metres(a, b) / 2;
            for (Coordinate[] other : chords) {
                if (other == chord) {
                    continue;
                }
                double gap = metres(b, other[0]) + metres(other[1], a);
                if (gap < bestGap) {
                    bestGap = gap;
                    partner = other;
                }
            }
            if (partner == null) {
                return null;
            }
            Coordinate c = partner[0];
            Coordinate d = partner[1];
            if (c.equals2D(b) && d.equals2D(a)) {
                return null; // the same edge walked back: nothing between
            }
            if (c.equals2D(b) || d.equals2D(a)) {
                return coveredStrip(new Coordinate[] {a, b, c.equals2D(b) ? d : c, a});
            }
            Polygon strip = coveredStrip(new Coordinate[] {a, b, c, d, a});
            if (strip == null) {
                // one chord runs on past the other's end, into the uncovered side there: the strip along their
                // common stretch only (its new corners, inside R, are settled onto R like any vertex a repair makes)
                org.locationtech.jts.geom.LineSegment back = new org.locationtech.jts.geom.LineSegment(c, d);
                strip = coveredStrip(new Coordinate[] {a, b, back.closestPoint(b), back.closestPoint(a), a});
            }
            return strip;
        }

        /** The polygon of the ring, or null if it is not a valid one or reaches ground beyond R + tol. */
        private Polygon coveredStrip(Coordinate[] ring) {
            for (int k = 0; k + 1 < ring.length; k++) {
                if (ring[k].equals2D(ring[k + 1])) {
                    return null;
                }
            }
            Polygon strip = factory.createPolygon(ring);
            if (!strip.isValid() || strip.getArea() == 0) {
                return null;
            }
            Coordinate a = ring[0];
            Coordinate b = ring[1];
            Coordinate c = ring[2];
            Coordinate d = ring[ring.length - 2];
            // the ends are left out: each may cross the tip of a channel of the uncovered side a few tens of metres
            // beyond R (Russia at 5 km, 73.79 N 84.65 E: 47 m), a new edge which the next settling pass mends
            Coordinate[] probes = {
                mid(a, b), mid(c, d),
                lerp(mid(a, d), mid(b, c), 0.25), lerp(mid(a, d), mid(b, c), 0.5), lerp(mid(a, d), mid(b, c), 0.75)};
            for (Coordinate q : probes) {
                if (dist.nearest(q.y, q.x).distanceM() > r + tol) {
                    return null;
                }
            }
            return strip;
        }

        private static Coordinate mid(Coordinate a, Coordinate b) {
            return lerp(a, b, 0.5);
        }

        private static Coordinate lerp(Coordinate a, Coordinate b, double t) {
            return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        }

        /** A quick distance for ranking candidates, metres: equirectangular at the mean latitude, exact enough here. */
        private static double metres(Coordinate a, Coordinate b) {
            double dx = (a.x - b.x) * Math.cos(Math.toRadians((a.y + b.y) / 2));
            return Math.hypot(dx, a.y - b.y) * 111_195;
        }

        /** Forgets the vertices left out since the list had {@code size} of them (they were not outline vertices). */
        void forgetUnplaced(int size) {
            unplaced.subList(size, unplaced.size()).clear();
        }

        /**
         * The vertices left out that the answer {@code g} puts on the wrong side: more than the tolerance inside R
         * yet outside {@code g}, or more than the tolerance beyond R yet inside it (within the tolerance, either side
         * is right). Those are where the answer misses the true
         * R-neighbourhood near a vertex the engine could not place: {@code dropped_vertices}.
         */
        int misplacedBy(Geometry g) {
            if (unplaced.isEmpty()) {
                return 0;
            }
            org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator in =
                new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(g);
            int misplaced = 0;
            for (Coordinate c : new java.util.LinkedHashSet<>(unplaced)) {
                double d = dist.nearest(c.y, c.x).distanceM();
                boolean covered = false;
                for (int turn = -360; turn <= 360 && !covered; turn += 360) {
                    // a vertex of the guess may lie a turn away from the answer's window ({@link #intoWindow})
                    covered = in.locate(new Coordinate(c.x + turn, c.y)) != org.locationtech.jts.geom.Location.EXTERIOR;
                }
                if (Math.abs(d - r) > tol && (d > r) == covered) {
                    misplaced++;
                }
            }
            return misplaced;
        }

        /** Records a kept edge with its measured midpoint error. */
        private void keep(Coordinate a, Coordinate b, double midpointErrorM) {
            maxError = Math.max(maxError, midpointErrorM);
            measured.add(Edge.of(a, b));
        }

        /** True when every vertex of the ring lies closer than R to the source. */
        boolean allWithinRange(Coordinate[] ring) {
            return allWithin(ring, r);
        }

        private boolean allWithin(Coordinate[] ring, double limitM) {
            for (Coordinate c : ring) {
                if (dist.nearest(c.y, c.x).distanceM() >= limitM) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The ring with every vertex on the R level set, or null when no vertex of it can be placed there.
         *
         * @param hole whether the ring bounds a hole of the coverage (the covered side is outside it)
         */
        LinearRing correctRing(Coordinate[] ring, boolean hole) {
            // which side of the ring's direction is covered: a shell's inside, a hole's outside
            coveredOnRight = hole == Orientation.isCCWArea(ring);
            Coordinate[] open = pole == 0 ? null : withoutPoleClosure(ring);
            int end = open == null ? ring.length - 1 : open.length; // vertices once round, without the repeat
            if (open != null) {
                ring = open;
            }
            List<Coordinate> out = new ArrayList<>();
            int start = 0;
            Coordinate first = null;
            while (first == null && start < end) {
                first = correct(ring[start++]);
            }
            if (first == null) {
                return null;
            }
            Coordinate prev = first;
            out.add(first);
            for (int i = start; i < end; i++) {
                Coordinate next = correct(ring[i]);
                if (next == null) {
                    continue; // dropped: its neighbours' edge is checked and split instead
                }
                next.x = unwrap(next.x, prev.x);
                split(prev, next, out, 0);
                out.add(next);
                prev = next;
            }
            Coordinate close = new Coordinate(first);
            close.x = unwrap(close.x, prev.x);
            split(prev, close, out, 0);
            Coordinate[] closed;
            if (Math.abs(close.x - first.x) > 1e-9) { // the ring winds round a pole
                if (hole || pole == 0) {
                    throw new CoverageLimitException("the coverage outline encircles a pole it does not cover;"
                        + " use a smaller range");
                }
                if (out.size() < 3) {
                    return null;
                }
                closed = aroundPole(out, close.x - first.x, pole);
            } else {
                out.add(new Coordinate(first));
                if (out.size() < 4) {
                    return null; // collapsed: no ring left at R
                }
                closed = out.toArray(Coordinate[]::new);
            }
            vertices += closed.length;
            if (vertices > MAX_VERTICES) {
                throw new CoverageLimitException("the coverage outline needs more than " + MAX_VERTICES + " vertices");
            }
            return factory.createLinearRing(closed);
        }

        /**
         * The point on the geodesic from the nearest source point through c, at distance R.
         * Where two parts of the source are equally near (a concave corner of the outline), the
         * plain update can alternate between them; after a few steps it bisects between the last
         * points found inside and outside R (the distance is continuous, so a root lies between
         * them), and the best iterate is kept.
         */
        Coordinate correct(Coordinate c) {
            checkDeadline(deadline);
            Coordinate p = new Coordinate(c);
            Coordinate best = p;
            Coordinate below = null;
            Coordinate above = null;
            double bestErr = Double.POSITIVE_INFINITY;
            SourceDistance.Nearest bestNearest = null;
            for (int k = 0; k < MAX_CORRECTIONS; k++) {
                SourceDistance.Nearest n = dist.nearest(p.y, p.x);
                double err = Math.abs(n.distanceM() - r);
                if (n.distanceM() < r) {
                    below = p;
                } else {
                    above = p;
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = p;
                    bestNearest = n;
                }
                if (err <= tol / 4) {
                    break;
                }
                LatLon q = n.point();
                double azi;
                if (n.distanceM() > 0) {
                    azi = backAzimuth(q, p, n);
                } else { // inside a territory source: step outwards, away from the source's centre
                    azi = Wgs84.GEODESIC.Inverse(centre.getY(), centre.getX(), p.y, p.x, GeodesicMask.AZIMUTH).azi1;
                }
                GeodesicData g = Wgs84.GEODESIC.Direct(q.lat(), q.lon(), azi, r,
                    GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                Coordinate proposal = new Coordinate(unwrap(g.lon2, c.x), g.lat2);
                if (k >= 3 && below != null && above != null) {
                    p = new Coordinate((below.x + above.x) / 2, (below.y + above.y) / 2);
                } else {
                    p = proposal;
                }
            }
            if (confirm && bestErr <= tol && !reachesRange(best, bestNearest)) {
                return null; // on a ridge of the distance, not on the outline (see confirm): not a dropped vertex
            }
            if (bestErr > tol && (above == null || below == null)) {
                Coordinate found = bracket(c, above == null);
                if (found != null) {
                    double err = Math.abs(dist.nearest(found.y, found.x).distanceM() - r);
                    maxError = Math.max(maxError, err);
                    return found;
                }
            }
            if (bestErr > tol) {
                unplaced.add(c);
                return null;
            }
            maxError = Math.max(maxError, bestErr);
            placed(best);
            return best;
        }

        /** The azimuth at q, p's nearest source point, towards p: the distance query's own where it gave one. */
        private static double backAzimuth(LatLon q, Coordinate p, SourceDistance.Nearest n) {
            return Double.isNaN(n.backAzimuthDeg())
                ? Wgs84.GEODESIC.Inverse(q.lat(), q.lon(), p.y, p.x, GeodesicMask.AZIMUTH).azi1 : n.backAzimuthDeg();
        }

        /**
         * True when the outline really passes by {@code p}, a point within the tolerance of R: the point half a
         * tolerance beyond R from p's nearest source point, on the geodesic from it through p, is at least R from
         * the source. Beside a true outline it is (about R + tol/2 away); on a ridge between two source parts it
         * lies nearer the other part, below R. One exact distance more per vertex, in {@link #settle} only.
         */
        private boolean reachesRange(Coordinate p, SourceDistance.Nearest n) {
            LatLon q = n.point();
            double azi = backAzimuth(q, p, n);
            GeodesicData g = Wgs84.GEODESIC.Direct(q.lat(), q.lon(), azi, r + tol / 2,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            return dist.nearest(g.lat2, g.lon2).distanceM() >= r;
        }

        /**
         * The fallback for a vertex whose iterates all stayed on one side of R (in a narrow gap between
         * source parts every step lands nearer another part): rings of growing radius around c (tol, 2 tol,
         * ... up to R, twelve azimuths each) are searched for a point on the other side, and the level set is
         * then bisected on the segment between them (the distance is continuous, so a root lies on it).
         * Null if no such point lies within R of c.
         */
        Coordinate bracket(Coordinate c, boolean inside) {
            for (double rho = tol; rho <= r; rho *= 2) {
                Cancellation.check();
                for (int a = 0; a < 12; a++) {
                    GeodesicData g = Wgs84.GEODESIC.Direct(c.y, c.x, 30.0 * a, rho,
                        GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                    Coordinate q = new Coordinate(unwrap(g.lon2, c.x), g.lat2);
                    if ((dist.nearest(q.y, q.x).distanceM() >= r) == inside) {
                        return bisect(inside ? c : q, inside ? q : c);
                    }
                }
            }
            return null;
        }

        /** The point between {@code in} (closer than R) and {@code out} (farther) within tol/4 of R. */
        Coordinate bisect(Coordinate in, Coordinate out) {
            Coordinate mid = in;
            for (int k = 0; k < 60; k++) {
                mid = new Coordinate((in.x + out.x) / 2, (in.y + out.y) / 2);
                double d = dist.nearest(mid.y, mid.x).distanceM();
                if (Math.abs(d - r) <= tol / 4) {
                    return mid;
                }
                if (d < r) {
                    in = mid;
                } else {
                    out = mid;
                }
            }
            return null;
        }

        /**
         * Inserts corrected midpoints between a and b (exclusive) while the edge strays from R. An edge still astray
         * after {@link #MAX_SPLIT_DEPTH} halvings crosses a channel of the uncovered side narrower than itself, whose
         * end lies beyond it (Russia at 30 km: 56 edges of 0.1 to 14 km, one midpoint 942.6 m beyond R between
         * Kolguyev Island and the mainland's coverage): every corrected midpoint lands on a wall of the channel beside
         * the edge, never in its end. There the outline is traced along R from a to b ({@link #trace}), into the
         * channel and out again. Where the trace fails too, the edge stays; where it is still in the final outline,
         * its midpoint's error is reported in {@link #maxError} ({@link #measureUnresolved}).
         */
        void split(Coordinate a, Coordinate b, List<Coordinate> out, int depth) {
            Coordinate mid = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
            double len = Wgs84.GEODESIC.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.DISTANCE).s12;
            double err = Math.abs(dist.nearest(mid.y, mid.x).distanceM() - r);
            if (err <= tol / 2 && len <= Math.max(r / 4, 10_000)) {
                keep(a, b, err);
                return;
            }
            Coordinate m = depth >= MAX_SPLIT_DEPTH ? null : correct(mid);
            if (depth == 0) {
                splitVertices = 0;
            }
            if (m != null && ++splitVertices > MAX_SPLIT_VERTICES) {
                // the corrections converge on a cusp of R between a and b, and each level doubled the vertices piled
                // there (Chile at 5 km: 4,096 within 0.6 m, a ring with 47,000 self-crossings on which the repair's
                // buffer(0) ran for minutes, past every deadline); the rest of this edge is kept or traced instead
                m = null;
            }
            if (m == null) {
                if (err <= tol) {
                    keep(a, b, err);
                } else {
                    trace(a, b, out); // kept unmeasured if it fails: the final outline's measurement reports it
                }
                return;
            }
            m.x = unwrap(m.x, a.x);
            split(a, m, out, depth + 1);
            out.add(m);
            split(m, b, out, depth + 1);
        }

        /**
         * Follows the R level set from a to b, appending the vertices between them to {@code out}; false (and
         * {@code out} unchanged) if it does not arrive. Each step goes along the outline's tangent at the current
         * vertex (at right angles to the geodesic from its nearest source point, on the side that keeps the covered
         * side where the ring has it), is corrected onto R, and is kept when its chord's midpoint lies within half
         * the tolerance of R; otherwise the step is halved. Steps start at the chord whose sagitta on a circle of
         * radius R is half the tolerance, sqrt(4 R tol), and grow back after a kept step. At the concave end of a
         * channel the corrected step lands on the opposite wall and the trace turns with it. Where the end is a cusp
         * (the walls meet at a point: the tangent flips with the nearest source point, and the trace stepped to and
         * fro on the spot, 1,000 steps, at 68.37 N 52.34 E for Russia at 5 km), the trace stops there, a second one
         * runs back from b, and the two are joined by the first chord between them that lies on R.
         */
        private boolean trace(Coordinate a, Coordinate b, List<Coordinate> out) {
            boolean confirmed = confirm;
            confirm = false; // a step near a saddle of the distance is still on the outline
            try {
                Path forward = traceSteps(a, b);
                if (forward.arrived) {
                    forward.keepInto(out);
                    return true;
                }
                // stopped at a cusp of the outline (the end of a channel, where the walls meet): trace back from b
                // with the covered side on the other hand and join the two paths where they meet
                coveredOnRight = !coveredOnRight;
                Path backward;
                try {
                    backward = traceSteps(b, a);
                } finally {
                    coveredOnRight = !coveredOnRight;
                }
                return !backward.arrived && forward.joinedWith(backward, out);
            } finally {
                confirm = confirmed;
            }
        }

        /**
         * A trace's vertices after its start, each edge's measured midpoint error, and whether it reached its end (the
         * last edge, to the end, is then in {@code chords} too).
         */
        private final class Path {
            final Coordinate start;
            final Coordinate end;
            final List<Coordinate> points = new ArrayList<>();
            final List<Double> chords = new ArrayList<>();
            boolean arrived;

            Path(Coordinate start, Coordinate end) {
                this.start = start;
                this.end = end;
            }

            Coordinate at(int i) {
                return i < 0 ? start : points.get(i);
            }

            /** Appends the vertices to {@code out} and keeps every edge with its measured error. */
            void keepInto(List<Coordinate> out) {
                for (int e = 0; e < points.size(); e++) {
                    keep(at(e - 1), points.get(e), chords.get(e));
                }
                keep(at(points.size() - 1), end, chords.get(points.size()));
                out.addAll(points);
            }

            /**
             * This path (from a) and {@code back} (from b, the other way round), joined by a chord whose midpoint lies
             * within half the tolerance of R, nearest the ends they stopped at; false (out unchanged) if none does.
             */
            boolean joinedWith(Path back, List<Coordinate> out) {
                double maxStep = Math.sqrt(4 * r * tol);
                for (int i = points.size() - 1; i >= -1; i--) {
                    for (int j = back.points.size() - 1; j >= -1; j--) {
                        Coordinate p = at(i);
                        Coordinate q = back.at(j);
                        double joint;
                        if (metres(p, q) <= maxStep && (joint = chordError(p, q)) <= tol / 2) {
                            for (int e = 0; e <= i; e++) {
                                keep(at(e - 1), points.get(e), chords.get(e));
                                out.add(points.get(e));
                            }
                            keep(p, q, joint);
                            for (int e = j; e >= 0; e--) {
                                keep(back.points.get(e), back.at(e - 1), back.chords.get(e));
                                out.add(back.points.get(e));
                            }
                            return true;
                        }
                    }
                }
                return false;
            }
        }

        private Path traceSteps(Coordinate a, Coordinate b) {
            Path path = new Path(a, b);
            double maxStep = Math.sqrt(4 * r * tol);
            double minStep = tol / 4;
            double step = maxStep;
            Coordinate p = a;
            double firstAlong = Double.NaN;
            double farthest = 0;
            for (int k = 0; k < MAX_TRACE_STEPS; k++) {
                double toEnd = Wgs84.GEODESIC.Inverse(p.y, p.x, b.y, b.x, GeodesicMask.DISTANCE).s12;
                double last;
                if (toEnd <= step && (last = chordError(p, b)) <= tol / 2) {
                    path.chords.add(last);
                    path.arrived = true;
                    return path;
                }
                SourceDistance.Nearest n = dist.nearest(p.y, p.x);
                LatLon q = n.point();
                double outward = Wgs84.GEODESIC.Inverse(q.lat(), q.lon(), p.y, p.x, GeodesicMask.AZIMUTH).azi2;
                double along = outward + (coveredOnRight ? 90 : -90);
                double fromStart = 0;
                if (path.points.isEmpty()) {
                    firstAlong = along;
                } else if ((fromStart = Wgs84.GEODESIC.Inverse(p.y, p.x, a.y, a.x, GeodesicMask.DISTANCE).s12)
                        < step && farthest > 2 * step && Math.abs(Math.IEEEremainder(along - firstAlong, 360)) < 45) {
                    // back at a, heading the way it set out: round a closed loop of the level set without b (the
                    // guess's edge joined two parts of the outline); passing a the other way round a spit is not that
                    return path;
                }
                farthest = Math.max(farthest, fromStart);
                if (k >= STUCK_TRACE_STEPS && farthest < 2 * maxStep) {
                    return path; // turning on the spot (the nearest source point flips between two parts)
                }
                GeodesicData g = Wgs84.GEODESIC.Direct(p.y, p.x, along, step,
                    GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                int unplacedBefore = unplaced.size();
                Coordinate next = correct(new Coordinate(unwrap(g.lon2, p.x), g.lat2));
                forgetUnplaced(unplacedBefore); // a step that cannot be placed is shortened, not dropped
                double chord = Double.POSITIVE_INFINITY;
                if (next != null) {
                    next.x = unwrap(next.x, p.x);
                    chord = chordError(p, next);
                }
                if (chord > tol / 2) {
                    step /= 2;
                    if (step < minStep) {
                        return path;
                    }
                    continue;
                }
                if (path.points.size() >= 2 && metres(next, path.at(path.points.size() - 2)) < tol / 2) {
                    // back where it was two steps ago: at a cusp (the end of a channel), the tangent flips with the
                    // nearest source point from one wall to the other, and the trace turns on the spot
                    return path;
                }
                path.chords.add(chord);
                path.points.add(next);
                p = next;
                step = Math.min(maxStep, step * 1.5);
            }
            return path;
        }

        /** An outline edge by its ends' values, either way round (the repairs may reverse a ring). */
        private record Edge(Coordinate a, Coordinate b) {
            static Edge of(Coordinate a, Coordinate b) {
                return a.compareTo(b) <= 0 ? new Edge(a, b) : new Edge(b, a);
            }
        }

        /** |distance - R| at the midpoint of the chord from a to b, metres. */
        private double chordError(Coordinate a, Coordinate b) {
            return Math.abs(dist.nearest((a.y + b.y) / 2, (a.x + b.x) / 2).distanceM() - r);
        }
    }
}

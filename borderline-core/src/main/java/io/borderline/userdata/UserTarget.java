package io.borderline.userdata;

import io.borderline.coverage.Source;
import io.borderline.coverage.SourceDistance;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.geodesy.GeodesicSegments;
import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.Wgs84;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A user's target geometry (lines and areas), repaired and indexed for exact distance queries.
 *
 * <p>Built in three steps: (1) every invalid area is repaired with JTS {@code GeometryFixer} and
 * the change of its ellipsoidal area is recorded ({@link RepairReport}); (2) every edge is taken
 * as the geodesic between its vertices and densified along it (GeographicLib) to pieces of at most
 * {@link #MAX_EDGE_M}, the edge length {@link SegmentIndex} is exact for; (3) the pieces go into a
 * {@link SegmentIndex} (the engine the borders use) and each area into a point-in-polygon locator.
 * A query is then the index's exact branch-and-bound minimum (O(log n) segments measured with
 * GeographicLib) plus an area lookup in an R-tree. Edges of an area that lie on the antimeridian
 * (where RFC 7946 splits areas) are not boundaries and are left out of the index.
 *
 * <p>Building costs O(n log n) in the densified segments; {@link UserTargets} caches targets by
 * {@link #sha256()}, so the same geometry sent again pays only for parsing. Immutable after
 * construction and safe for concurrent queries.
 */
public final class UserTarget {
    /** Longest indexed piece of an edge, metres: the densification step. */
    public static final double MAX_EDGE_M = GeodesicSegments.MAX_SEGMENT_M;

    private final String sha256;
    private final List<UserFeature> features;
    private final List<Geometry> areas;
    private final List<Geometry> lines;
    private final SegmentIndex index;
    private final STRtree areaLocators = new STRtree();
    private final RepairReport repair;
    private final int vertices;
    private final Envelope bbox = new Envelope();
    private final double areaKm2;
    private final double lengthKm;
    private final GeometryFactory factory;

    private UserTarget(String sha256, List<UserFeature> input, UserLimits limits, GeometryFactory factory) {
        this.sha256 = sha256;
        this.factory = factory;
        List<UserFeature> repaired = new ArrayList<>();
        List<RepairReport.FeatureRepair> repairs = new ArrayList<>();
        double change = 0;
        int count = 0;
        for (UserFeature f : input) {
            count += f.geometry().getNumPoints();
            Geometry g = f.geometry();
            if (f.area()) {
                TopologyValidationError error = new IsValidOp(g).getValidationError();
                if (error != null) {
                    double before = EllipsoidalMeasure.areaM2(g) / 1e6;
                    g = GeometryFixer.fix(g);
                    if (g.isEmpty() || g.getDimension() < 2) {
                        throw UserGeometryException.invalid(f.label() + ": the area is invalid (" + error.getMessage()
                            + ") and nothing of it is left after repair", "areas with a non-zero extent");
                    }
                    double after = EllipsoidalMeasure.areaM2(g) / 1e6;
                    change += after - before;
                    repairs.add(new RepairReport.FeatureRepair(f.id(), error.getMessage() + " at "
                        + round(error.getCoordinate().y, 7) + ", " + round(error.getCoordinate().x, 7),
                        round(before, 3), round(after, 3)));
                }
            }
            repaired.add(new UserFeature(f.index(), f.id(), g, f.properties()));
        }
        this.vertices = count;
        this.features = List.copyOf(repaired);
        this.repair = new RepairReport(List.copyOf(repairs), round(change, 3));

        Densified d = new Densified(limits.maxSegments());
        List<Geometry> areaParts = new ArrayList<>();
        List<Geometry> lineParts = new ArrayList<>();
        double area = 0;
        double length = 0;
        for (int fi = 0; fi < features.size(); fi++) {
            Geometry g = features.get(fi).geometry();
            bbox.expandToInclude(g.getEnvelopeInternal());
            if (g.getDimension() == 2) {
                area += EllipsoidalMeasure.areaM2(g);
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Polygon p = d.polygon((Polygon) g.getGeometryN(i), fi, factory);
                    areaParts.add(p);
                    areaLocators.insert(p.getEnvelopeInternal(), new IndexedPointInAreaLocator(p));
                }
            } else {
                length += EllipsoidalMeasure.lengthM(g);
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    lineParts.add(d.line((LineString) g.getGeometryN(i), fi, factory));
                }
            }
        }
        this.areas = List.copyOf(areaParts);
        this.lines = List.copyOf(lineParts);
        this.index = d.index.build();
        if (index.size() == 0) {
            throw UserGeometryException.invalid("the target has no edges to measure to (only edges on the"
                + " antimeridian)", "lines, or areas with edges off the antimeridian");
        }
        this.areaKm2 = round(area / 1e6, 3);
        this.lengthKm = round(length / 1000, 3);
        areaLocators.build();
    }

    /**
     * Repairs and indexes {@code features}; {@code sha256} must be {@link #hash} of them.
     *
     * @throws UserGeometryException if an area repairs to nothing or the densified edges exceed the limit
     */
    public static UserTarget build(List<UserFeature> features, String sha256, UserLimits limits,
                                   GeometryFactory factory) {
        return new UserTarget(sha256, features, limits, factory);
    }

    /**
     * SHA-256 (hex) of the features as read: ids, geometry types and WGS84 coordinates in order. Two bodies that
     * differ only in whitespace, member order, properties other than the id, or the CRS they were sent in hash
     * alike; any change of a vertex or an id changes the hash.
     */
    public static String hash(List<UserFeature> features) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(16);
            for (UserFeature f : features) {
                md.update((f.id() + "\u0000" + f.geometry().getGeometryType() + "\u0000").getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                    Geometry part = f.geometry().getGeometryN(i);
                    List<LineString> rings = new ArrayList<>();
                    if (part instanceof Polygon p) {
                        rings.add(p.getExteriorRing());
                        for (int h = 0; h < p.getNumInteriorRing(); h++) {
                            rings.add(p.getInteriorRingN(h));
                        }
                    } else {
                        rings.add((LineString) part);
                    }
                    md.update((byte) 'P');
                    for (LineString r : rings) {
                        md.update((byte) 'R');
                        for (Coordinate c : r.getCoordinates()) {
                            buf.clear();
                            buf.putDouble(c.x).putDouble(c.y);
                            md.update(buf.array());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distance from (lat, lon), degrees; see {@link UserDistance} for what it means. */
    public UserDistance measure(double lat, double lon) {
        NearestPoint n = index.nearest(lat, lon);
        LatLon nearest = point(n.lat(), n.lon());
        Double bearing = bearing(n.bearingDeg());
        String feature = features.get(index.sourceOf(n.segment())).id();
        UserDistance.Edge edge = new UserDistance.Edge(metres(n.distanceM()), nearest, bearing, feature);
        if (inside(lat, lon)) {
            return new UserDistance(new LatLon(lat, lon), true, 0, null, null, null, edge);
        }
        return new UserDistance(new LatLon(lat, lon), false, metres(n.distanceM()), nearest, bearing, feature, edge);
    }

    /** True if (lat, lon) lies in one of the areas (on an edge counts; holes do not). */
    public boolean inside(double lat, double lon) {
        Coordinate c = new Coordinate(lon, lat);
        for (Object o : areaLocators.query(new Envelope(c))) {
            if (((IndexedPointInAreaLocator) o).locate(c) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /**
     * The target as a coverage source: distance 0 in its areas, else the exact distance to its lines and edges.
     * Areas are the source's own territory for {@code mode=beyond}.
     *
     * @param kind "user" or "layer"
     * @param id how answers name it (the hash, or the layer name)
     * @throws UserGeometryException if the target mixes lines and areas (the buffer's first guess needs one kind)
     */
    public Source source(String kind, String id) {
        if (!areas.isEmpty() && !lines.isEmpty()) {
            throw UserGeometryException.invalid("a coverage source must be all lines or all areas; this one mixes "
                + areas.size() + " area part(s) and " + lines.size() + " line(s)", "send lines and areas separately");
        }
        Geometry geometry = areas.isEmpty()
            ? factory.createMultiLineString(lines.toArray(LineString[]::new))
            : factory.createMultiPolygon(areas.toArray(Polygon[]::new));
        SourceDistance d = (lat, lon) -> {
            if (inside(lat, lon)) {
                return new SourceDistance.Nearest(0, new LatLon(lat, lon));
            }
            NearestPoint n = index.nearest(lat, lon);
            return SourceDistance.Nearest.of(n);
        };
        List<Geometry> own = new ArrayList<>();
        for (UserFeature f : features) {
            if (f.area()) {
                own.add(f.geometry());
            }
        }
        return new Source(kind, List.of(id), geometry, d, own, List.of());
    }

    public String sha256() {
        return sha256;
    }

    /** The features after repair (not densified), for serving back. */
    public List<UserFeature> features() {
        return features;
    }

    public RepairReport repair() {
        return repair;
    }

    /** True if the target has at least one area. */
    public boolean hasAreas() {
        return !areas.isEmpty();
    }

    /** True if the target has at least one line. */
    public boolean hasLines() {
        return !lines.isEmpty();
    }

    /** Segments in the index, after densification. */
    public int segmentCount() {
        return index.size();
    }

    /** Rough heap footprint, bytes, for the cache's bound: the index and the repaired and densified geometries. */
    public long weightBytes() {
        return 150L * index.size() + 100L * vertices + 10_000;
    }

    /** What answers say about the target: its hash, size, kind, extent, measures and repair. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", "user-supplied");
        m.put("sha256", sha256);
        m.put("features", features.size());
        m.put("vertex_count", vertices);
        m.put("segment_count", index.size());
        m.put("kind", areas.isEmpty() ? "lines" : lines.isEmpty() ? "areas" : "lines and areas");
        m.put("bbox", List.of(bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY()));
        m.put("area_km2", areaKm2);
        m.put("length_km", lengthKm);
        m.put("repair", repair);
        m.put("edges", "geodesics between consecutive vertices (densified to at most " + (int) MAX_EDGE_M + " m)");
        return m;
    }

    /** Geodesic densification into the segment index, with the running segment count checked against the limit. */
    private static final class Densified {
        final SegmentIndex.Builder index = new SegmentIndex.Builder();
        final int maxSegments;
        long segments;

        Densified(int maxSegments) {
            this.maxSegments = maxSegments;
        }

        Polygon polygon(Polygon p, int feature, GeometryFactory f) {
            var shell = f.createLinearRing(ring(p.getExteriorRing().getCoordinates(), feature, true));
            var holes = new org.locationtech.jts.geom.LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = f.createLinearRing(ring(p.getInteriorRingN(h).getCoordinates(), feature, true));
            }
            return f.createPolygon(shell, holes);
        }

        LineString line(LineString l, int feature, GeometryFactory f) {
            return f.createLineString(ring(l.getCoordinates(), feature, false));
        }

        private Coordinate[] ring(Coordinate[] c, int feature, boolean area) {
            List<Coordinate> out = new ArrayList<>(c.length);
            out.add(c[0]);
            for (int i = 1; i < c.length; i++) {
                Coordinate a = c[i - 1];
                Coordinate b = c[i];
                if (a.equals2D(b)) {
                    continue;
                }
                boolean cut = area && Math.abs(a.x) == 180 && a.x == b.x; // an RFC 7946 split, not a boundary
                GeodesicData g = Wgs84.GEODESIC.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.DISTANCE);
                int parts = Math.max(1, (int) Math.ceil(g.s12 / MAX_EDGE_M));
                segments += parts;
                if (segments > maxSegments) {
                    throw UserGeometryException.tooLarge("the target's edges are too long: more than " + maxSegments
                        + " geodesic pieces of " + (int) MAX_EDGE_M + " m (the limit; about "
                        + (long) maxSegments * (int) MAX_EDGE_M / 1000 + " km of lines and area edges)",
                        "at most " + (long) maxSegments * (int) MAX_EDGE_M / 1000 + " km of lines and edges");
                }
                Coordinate prev = a;
                if (parts > 1 && !cut) {
                    GeodesicLine line = Wgs84.GEODESIC.InverseLine(a.y, a.x, b.y, b.x,
                        GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                    for (int k = 1; k < parts; k++) {
                        GeodesicData p = line.Position(line.Distance() * k / parts,
                            GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                        Coordinate q = new Coordinate(area ? continuous(p.lon2, prev.x) : p.lon2, p.lat2);
                        index.add(prev.y, prev.x, q.y, q.x, feature);
                        out.add(q);
                        prev = q;
                    }
                }
                if (!cut) {
                    index.add(prev.y, prev.x, b.y, b.x, feature);
                }
                out.add(b);
            }
            return out.toArray(Coordinate[]::new);
        }

        /** Areas never cross the antimeridian (refused when read), so their densified points stay on the same side. */
        private static double continuous(double lon, double near) {
            if (lon - near > 180) {
                return lon - 360;
            }
            if (near - lon > 180) {
                return lon + 360;
            }
            return lon;
        }
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static double metres(double m) {
        return Math.round(m * 1000) / 1000.0;
    }

    private static Double bearing(double deg) {
        if (Double.isNaN(deg)) {
            return null;
        }
        double r = Math.round(deg * 1e4) / 1e4;
        return r >= 360 ? r - 360 : r;
    }

    private static LatLon point(double lat, double lon) {
        return new LatLon(Math.round(lat * 1e7) / 1e7, Math.round(lon * 1e7) / 1e7);
    }
}

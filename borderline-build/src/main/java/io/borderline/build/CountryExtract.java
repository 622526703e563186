package io.borderline.build;

import io.borderline.data.BoundaryFile;
import io.borderline.data.RegionWindow;
import io.borderline.geodesy.Densifier;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.geodesy.GeodesicSegments;
import io.borderline.topology.IndexedValidity;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns one country's raw source geometry into what the service stores: every part, unclipped,
 * repaired with JTS {@link GeometryFixer} and densified to edges of at most {@link GeodesicSegments#MAX_SEGMENT_M}. Measures what the
 * repair changed.
 */
final class CountryExtract {
    private static final GeometryFactory F = BoundaryFile.FACTORY;

    record Result(Geometry stored, RepairReport report) {}

    private CountryExtract() {}

    /** Southern edge of the OSM land polygons: the Web Mercator limit they were cut at, degrees. */
    static final double MERCATOR_EDGE_LAT = -85.0511287798;

    /**
     * OSM's Antarctica with its southern edge moved to the pole: the geo-maps land polygons stop at the Web
     * Mercator limit (85.05113° S), and everything south of it is Antarctic land (the polar plateau). Without
     * this a point near the South Pole would be hundreds of km "outside" Antarctica.
     */
    static Geometry extendToSouthPole(Geometry ata) {
        return new org.locationtech.jts.geom.util.GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                org.locationtech.jts.geom.CoordinateSequence seq, Geometry parent) {
                org.locationtech.jts.geom.Coordinate[] out = new org.locationtech.jts.geom.Coordinate[seq.size()];
                for (int i = 0; i < out.length; i++) {
                    double y = seq.getY(i);
                    out[i] = new org.locationtech.jts.geom.Coordinate(seq.getX(i), y <= MERCATOR_EDGE_LAT + 1e-6 ? -90 : y);
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(ata);
    }

    static Result extract(String dataset, String country, Geometry raw) {
        if (BuildData.OSM.equals(dataset) && "ATA".equals(country)) {
            raw = extendToSouthPole(raw);
        }
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < raw.getNumGeometries(); i++) {
            parts.add((Polygon) raw.getGeometryN(i));
        }
        Geometry source = F.createMultiPolygon(parts.toArray(Polygon[]::new));
        String error = IndexedValidity.validationError(source);
        String validity = error == null ? "valid" : error;
        double rawArea = EllipsoidalMeasure.areaM2(source);
        // Repair part by part: GeometryFixer on the whole MultiPolygon unions thousands of
        // islands at once, which takes many minutes for Russia; parts only need a union if the
        // repaired parts turn out to overlap.
        Geometry repaired = fixInvalidParts(source);
        double repairedArea = EllipsoidalMeasure.areaM2(repaired);
        Geometry stored = asMultiPolygon(Densifier.densify(repaired, GeodesicSegments.MAX_SEGMENT_M));
        if (!IndexedValidity.isValid(stored)) {
            // densifying along geodesics bends long edges (most at high latitudes), so a ring can now cross
            // itself or a neighbouring island: repair those parts again, then merge the parts that meet
            stored = unionWhereTheyMeet(fixInvalidParts(stored));
        }
        if (!IndexedValidity.isValid(stored)) {
            throw new IllegalStateException(dataset + " " + country + " is still invalid after repair: "
                + IndexedValidity.validationError(stored));
        }
        double storedArea = EllipsoidalMeasure.areaM2(stored);
        RepairReport report = new RepairReport(dataset, country, source.getNumPoints(), validity,
            rawArea / 1e6, repairedArea / 1e6, storedArea / 1e6, stored.getNumPoints());
        return new Result(stored, report);
    }

    /** The parts of a (stored) Russia geometry that make up the Kaliningrad exclave. */
    static Geometry kaliningrad(Geometry russia) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < russia.getNumGeometries(); i++) {
            Polygon p = (Polygon) russia.getGeometryN(i);
            if (RegionWindow.KALININGRAD_BOX.contains(p.getEnvelopeInternal())) {
                parts.add(p);
            }
        }
        return F.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /** Each invalid part repaired on its own by GeometryFixer; valid parts as they are. */
    static Geometry fixInvalidParts(Geometry multi) {
        List<Polygon> out = new ArrayList<>();
        for (int k = 0; k < multi.getNumGeometries(); k++) {
            Polygon p = (Polygon) multi.getGeometryN(k);
            Geometry fixed = IndexedValidity.isValid(p) ? p : GeometryFixer.fix(p);
            for (int i = 0; i < fixed.getNumGeometries(); i++) {
                if (fixed.getGeometryN(i) instanceof Polygon fp && !fp.isEmpty()) {
                    out.add(fp);
                }
            }
        }
        return F.createMultiPolygon(out.toArray(Polygon[]::new));
    }

    /**
     * The parts merged where they meet (overlap or touch), each group of meeting parts unioned on its own.
     * One union of the whole country (OverlayNG over Canada's or Russia's thousands of islands, most of which
     * meet nothing) ran for more than half an hour; the groups are found with an STRtree and prepared
     * intersection tests, and the parts that meet nothing are kept as they are.
     */
    static Geometry unionWhereTheyMeet(Geometry multi) {
        int n = multi.getNumGeometries();
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            tree.insert(multi.getGeometryN(i).getEnvelopeInternal(), i);
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
        }
        // the larger of each pair is prepared (and kept): an island tested against the prepared mainland costs
        // its own vertices, while the mainland tested against a prepared island would cost all of the mainland's
        PreparedGeometry[] prepared = new PreparedGeometry[n];
        int[] size = new int[n]; // Polygon.getNumPoints walks every ring: once per part, not once per pair
        for (int i = 0; i < n; i++) {
            size[i] = multi.getGeometryN(i).getNumPoints();
        }
        for (int i = 0; i < n; i++) {
            Geometry a = multi.getGeometryN(i);
            for (Object o : tree.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= i || root(group, i) == root(group, j)) {
                    continue;
                }
                Geometry b = multi.getGeometryN(j);
                int big = size[i] >= size[j] ? i : j;
                if (prepared[big] == null) {
                    prepared[big] = PreparedGeometryFactory.prepare(multi.getGeometryN(big));
                }
                if (prepared[big].intersects(big == i ? b : a)) {
                    group[root(group, j)] = root(group, i);
                }
            }
        }
        java.util.Map<Integer, List<Geometry>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(group, i), k -> new ArrayList<>()).add(multi.getGeometryN(i));
        }
        List<Polygon> parts = new ArrayList<>();
        for (List<Geometry> g : groups.values()) {
            Geometry merged = g.size() == 1 ? g.get(0) : OverlayNGRobust.union(F.buildGeometry(g));
            for (Object p : PolygonExtracter.getPolygons(merged)) {
                if (!((Polygon) p).isEmpty()) {
                    parts.add((Polygon) p);
                }
            }
        }
        return F.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private static int root(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    /** The non-empty polygons of {@code g} (overlay results may mix in lines and points) as one MultiPolygon. */
    static Geometry asMultiPolygon(Geometry g) {
        List<Polygon> parts = new ArrayList<>();
        for (Object p : PolygonExtracter.getPolygons(g)) {
            if (!((Polygon) p).isEmpty()) {
                parts.add((Polygon) p);
            }
        }
        return F.createMultiPolygon(parts.toArray(Polygon[]::new));
    }
}

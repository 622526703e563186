package io.borderline.coverage;

import io.borderline.data.Border;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.GridLocator;
import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.Wgs84;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/** Builds {@link Source}s from the loaded data, each with an exact distance function. */
public final class Sources {
    private Sources() {}

    /**
     * One or several territories; distance is 0 inside any of them. The boundary is simplified
     * (Douglas–Peucker) by at most {@code simplifyM} metres, which moves any distance by at most
     * that much: coverages pass a tenth of their tolerance, so a 2,500 km coverage of Belarus
     * measures to a few hundred vertices instead of 36,000.
     */
    public static Source countries(Dataset ds, List<CountryCode> codes, double simplifyM) {
        List<Geometry> lands = codes.stream().map(c -> ds.territory(c).land()).toList();
        Geometry union = lands.size() == 1 ? lands.get(0) : OverlayNGRobust.union(lands);
        // degrees of latitude: the strictest direction, so the bound holds east-west too
        Geometry simple = TopologyPreservingSimplifier.simplify(union, simplifyM / 111_320.0);
        SegmentIndex boundary = new SegmentIndex.Builder().addGeometry(simple, 0).build();
        Geometry filled = shells(simple);
        GridLocator inside = new GridLocator(filled, 0.05);
        SourceDistance d = (lat, lon) -> {
            if (inside.covers(lat, lon)) {
                return new SourceDistance.Nearest(0, new LatLon(lat, lon));
            }
            NearestPoint n = boundary.nearest(lat, lon);
            return new SourceDistance.Nearest(n.distanceM(), new LatLon(n.lat(), n.lon()));
        };
        return new Source("country", codes.stream().map(CountryCode::code).toList(), filled, d, union);
    }

    /** The polygons with their holes (lakes) filled: a lake inside a country is part of it. */
    private static Geometry shells(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            out.add(g.getFactory().createPolygon(p.getExteriorRing().getCoordinates()));
        }
        // islands in filled lakes overlap their filled shell: dissolve, or ray parity would err
        return OverlayNGRobust.union(g.getFactory().createMultiPolygon(out.toArray(Polygon[]::new)));
    }

    /** One or several shared border lines. */
    public static Source borders(List<Border> borders) {
        SegmentIndex.Builder b = new SegmentIndex.Builder();
        List<Geometry> lines = new ArrayList<>();
        for (Border border : borders) {
            b.addGeometry(border.line(), 0);
            lines.add(border.line());
        }
        SegmentIndex index = b.build();
        Geometry all = lines.get(0).getFactory().buildGeometry(lines);
        SourceDistance d = (lat, lon) -> {
            NearestPoint n = index.nearest(lat, lon);
            return new SourceDistance.Nearest(n.distanceM(), new LatLon(n.lat(), n.lon()));
        };
        return new Source("border", borders.stream().map(Border::id).toList(), all, d, null);
    }

    /**
     * One or several points (sites, or a point given by coordinates).
     *
     * @param ownTerritory the territory the points stand on, for mode=beyond (may be null)
     */
    public static Source points(String kind, List<String> ids, List<LatLon> points, GeometryFactory f,
                                Geometry ownTerritory) {
        Coordinate[] cs = points.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        Geometry geometry = cs.length == 1 ? f.createPoint(cs[0]) : f.createMultiPointFromCoords(cs);
        SourceDistance d = (lat, lon) -> {
            double best = Double.POSITIVE_INFINITY;
            LatLon at = null;
            for (LatLon p : points) {
                GeodesicData g = Wgs84.GEODESIC.Inverse(lat, lon, p.lat(), p.lon(), GeodesicMask.DISTANCE);
                if (g.s12 < best) {
                    best = g.s12;
                    at = p;
                }
            }
            return new SourceDistance.Nearest(best, at);
        };
        return new Source(kind, ids, geometry, d, ownTerritory);
    }
}

package io.borderline.coverage;

import io.borderline.data.Border;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
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
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/** Builds {@link Source}s from the loaded data, each with an exact distance function. */
public final class Sources {
    private Sources() {}

    /**
     * One or several territories; distance is 0 inside any of them (lakes they enclose
     * included). Distances outside are measured to boundary rings simplified (Douglas–Peucker)
     * by at most {@code simplifyM} metres, which moves any distance by at most that much:
     * coverages pass a tenth of their tolerance, so a 2,500 km coverage of Belarus measures to a
     * few hundred vertices instead of 36,000. The inside test uses the dataset's exact territories.
     */
    public static Source countries(Dataset ds, List<CountryCode> codes, double simplifyM) {
        double degrees = simplifyM / 111_320.0; // degrees of latitude: the strictest direction
        List<Polygon> parts = new ArrayList<>();
        for (CountryCode c : codes) {
            Geometry land = ds.territory(c).land();
            for (int i = 0; i < land.getNumGeometries(); i++) {
                parts.add((Polygon) land.getGeometryN(i));
            }
        }
        // the rings simplified on two threads, in halves of about as many vertices where the parts allow it (one part
        // as large as Russia's mainland, 1.3 of its 1.5 million vertices, is one thread's work)
        SegmentIndex.Builder boundary = new SegmentIndex.Builder();
        List<List<Polygon>> halves = Parallel.halves(parts, Polygon::getNumPoints);
        for (List<Geometry> simplified : Parallel.map(halves, half -> simplifiedRings(half, degrees))) {
            simplified.forEach(ring -> boundary.addGeometry(ring, 0));
        }
        SegmentIndex index = boundary.build();
        SourceDistance d = (lat, lon) -> {
            for (CountryCode c : codes) {
                if (ds.inside(c, lat, lon)) {
                    return new SourceDistance.Nearest(0, new LatLon(lat, lon));
                }
            }
            NearestPoint n = index.nearest(lat, lon);
            return SourceDistance.Nearest.of(n);
        };
        GeometryFactory f = parts.get(0).getFactory();
        Geometry all = f.createMultiPolygon(parts.toArray(Polygon[]::new));
        List<Geometry> own = codes.stream().map(c -> ds.territory(c).land()).toList();
        List<String> ids = codes.stream().map(CountryCode::code).toList();
        return new Source("country", ids, all, d, own, ids);
    }

    /** Every ring of the polygons, shells and holes, simplified (Douglas–Peucker) by {@code degrees}. */
    private static List<Geometry> simplifiedRings(List<Polygon> polygons, double degrees) {
        List<Geometry> out = new ArrayList<>();
        for (Polygon p : polygons) {
            Cancellation.check();
            out.add(DouglasPeuckerSimplifier.simplify(p.getExteriorRing(), degrees));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                out.add(DouglasPeuckerSimplifier.simplify(p.getInteriorRingN(h), degrees));
            }
        }
        return out;
    }

    /**
     * The part of one country's territory inside a longitude/latitude window (the published coverage layer
     * from Russia uses Russia west of 60° E, Kaliningrad included: Russia whole is 1.5 million vertices from
     * the Baltic to the Bering Strait, and its coverages are not what a map of the European flank shows).
     * Distance is 0 inside the clipped territory (its lakes included: they are inside its outer rings) and
     * else measured, as in {@link #countries}, to its rings simplified by at most {@code simplifyM} metres. The
     * window's cut edges count as the source's edge: the coverage is that of the part, as its name says.
     * The territory is read without being indexed. The source's id is the region's ({@code RUS-EU}); its own
     * territory, for mode=beyond, is the whole country's.
     */
    public static Source countryWithin(Dataset ds, SourceRegion region, double simplifyM) {
        CountryCode code = region.country();
        org.locationtech.jts.geom.Envelope window = region.window();
        double degrees = simplifyM / 111_320.0;
        Geometry land = ds.territory(code).geometry();
        GeometryFactory f = land.getFactory();
        Geometry box = f.toGeometry(window);
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < land.getNumGeometries(); i++) {
            Polygon p = (Polygon) land.getGeometryN(i);
            if (window.contains(p.getEnvelopeInternal())) {
                parts.add(p);
            } else if (window.intersects(p.getEnvelopeInternal())) {
                Geometry clipped = OverlayNGRobust.overlay(p, box, org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
                for (int k = 0; k < clipped.getNumGeometries(); k++) {
                    if (clipped.getGeometryN(k) instanceof Polygon q && !q.isEmpty()) {
                        parts.add(q);
                    }
                }
            }
        }
        Geometry all = f.createMultiPolygon(parts.toArray(Polygon[]::new));
        SegmentIndex.Builder boundary = new SegmentIndex.Builder();
        Polygon[] shells = new Polygon[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Polygon p = parts.get(i);
            boundary.addGeometry(DouglasPeuckerSimplifier.simplify(p.getExteriorRing(), degrees), 0);
            shells[i] = f.createPolygon(p.getExteriorRing().getCoordinateSequence());
        }
        SegmentIndex index = boundary.build();
        io.borderline.geodesy.GridLocator inShell = new io.borderline.geodesy.GridLocator(f.createMultiPolygon(shells), 0.05);
        SourceDistance d = (lat, lon) -> {
            if (inShell.covers(lat, lon)) {
                return new SourceDistance.Nearest(0, new LatLon(lat, lon));
            }
            NearestPoint n = index.nearest(lat, lon);
            return SourceDistance.Nearest.of(n);
        };
        return new Source("region", List.of(region.id()), all, d, List.of(ds.territory(code).land()),
            List.of(code.code()));
    }

    /** One or several shared border lines, whole (the political line). */
    public static Source borders(List<Border> borders) {
        return borders(borders, BorderLine.POLITICAL);
    }

    /**
     * One or several shared border lines as {@code which} defines them (with {@link BorderLine#LAND}
     * without the lines at sea).
     *
     * @throws IllegalArgumentException if none of them has a line of that kind (a border wholly at sea)
     */
    public static Source borders(List<Border> borders, BorderLine which) {
        SegmentIndex.Builder b = new SegmentIndex.Builder();
        List<Geometry> lines = new ArrayList<>();
        for (Border border : borders) {
            Geometry line = border.line(which);
            if (!line.isEmpty()) {
                b.addGeometry(line, 0);
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no " + which.id() + " line on " + borders);
        }
        SegmentIndex index = b.build();
        Geometry all = lines.get(0).getFactory().buildGeometry(lines);
        SourceDistance d = (lat, lon) -> {
            NearestPoint n = index.nearest(lat, lon);
            return SourceDistance.Nearest.of(n);
        };
        return new Source("border", borders.stream().map(Border::id).toList(), all, d, List.of(), List.of());
    }

    /**
     * One or several points (sites, or a point given by coordinates).
     *
     * @param ownStates the states the points stand on, for mode=beyond (may be empty)
     * @param ownTerritories their territories, in the same order
     */
    public static Source points(String kind, List<String> ids, List<LatLon> points, GeometryFactory f,
                                List<String> ownStates, List<Geometry> ownTerritories) {
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
        return new Source(kind, ids, geometry, d, ownTerritories, ownStates);
    }
}

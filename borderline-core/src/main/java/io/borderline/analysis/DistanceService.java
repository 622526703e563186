package io.borderline.analysis;

import io.borderline.data.Border;
import io.borderline.data.BorderIndex;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.BorderLine;
import io.borderline.data.Territory;
import io.borderline.geodesy.GeodesicSegments;
import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.Wgs84;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.geographiclib.GeodesicData;
import org.locationtech.jts.geom.Coordinate;

/**
 * Geodesic distances on WGS84 between points, countries and borders, using the indexes each
 * {@link Dataset} builds once. Thread-safe; country-pair results are memoised.
 */
public final class DistanceService {
    public static final String METHOD = "Geodesic distance on the WGS84 ellipsoid (GeographicLib inverse solution) to the"
        + " nearest point of the boundary, minimised over every boundary segment by branch and bound over an ECEF"
        + " bounding-volume hierarchy; exact to within 1 m of a brute-force minimisation over all segments.";
    /** The accuracy the brute-force test enforces, metres. */
    public static final double ACCURACY_M = 1.0;

    private final Map<String, PairDistance> pairCache = new ConcurrentHashMap<>();

    /** Distance from (lat, lon) to country {@code to}, border = the political line; see {@link CountryDistance}. */
    public CountryDistance toCountry(Dataset ds, double lat, double lon, CountryCode to) {
        return toCountry(ds, lat, lon, to, BorderLine.DEFAULT);
    }

    /**
     * Distance from (lat, lon) to country {@code to}, its border measured as {@code line} defines it;
     * see {@link CountryDistance} for the semantics.
     *
     * @throws IllegalArgumentException if the dataset does not draw {@code to}
     */
    public CountryDistance toCountry(Dataset ds, double lat, double lon, CountryCode to, BorderLine line) {
        Territory t = ds.territory(to);
        if (t == null) {
            throw new IllegalArgumentException(ds.id() + " does not draw " + to.code());
        }
        List<CountryCode> states = ds.statesContaining(lat, lon);
        List<String> inStates = states.stream().map(CountryCode::code).toList();
        boolean inside = to.isState() ? states.contains(to)
            : states.contains(to.partOf().orElseThrow()) && ds.inside(to, lat, lon);
        BorderIndex borders = ds.borders(to, line);
        if (inside) {
            return new CountryDistance(new LatLon(lat, lon), to.code(), ds.id(), true, inStates, 0, null, null, false,
                border(ds, borders.nearest(lat, lon), line));
        }
        // one boundary query answers the border too where its nearest segment is a border segment
        NearestPoint n = t.boundary().nearest(lat, lon);
        return new CountryDistance(new LatLon(lat, lon), to.code(), ds.id(), false, inStates,
            Rounding.metres(n.distanceM()), Rounding.point(n.lat(), GeodesicSegments.normalizeLon(n.lon())), bearing(n),
            false, border(ds, borders.nearest(lat, lon, n), line));
    }

    /** Distance from (lat, lon) to the political boundary line of {@code c}, or null if it has no neighbour. */
    public BorderDistance toBorder(Dataset ds, double lat, double lon, CountryCode c) {
        return toBorder(ds, lat, lon, c, BorderLine.DEFAULT);
    }

    /** Distance from (lat, lon) to the boundary line of {@code c} as {@code line} defines it, or null if it has none. */
    public BorderDistance toBorder(Dataset ds, double lat, double lon, CountryCode c, BorderLine line) {
        return border(ds, ds.borders(c, line).nearest(lat, lon), line);
    }

    private static BorderDistance border(Dataset ds, BorderIndex.Hit hit, BorderLine line) {
        if (hit == null) {
            return null;
        }
        NearestPoint n = hit.point();
        Border b = ds.borderOf(hit.source());
        return new BorderDistance(Rounding.metres(n.distanceM()), Rounding.point(n.lat(), GeodesicSegments.normalizeLon(n.lon())),
            bearing(n), b.id(), Dataset.segmentKind(hit.source()), line.id());
    }

    /** Geodesic between two points. */
    public PointToPoint between(LatLon a, LatLon b) {
        GeodesicData g = Wgs84.GEODESIC.Inverse(a.lat(), a.lon(), b.lat(), b.lon());
        boolean same = g.s12 == 0;
        return new PointToPoint(a, b, Rounding.metres(g.s12),
            same ? null : Rounding.bearing(GeodesicSegments.normalizeBearing(g.azi1)),
            same ? null : Rounding.bearing(GeodesicSegments.normalizeBearing(g.azi2)));
    }

    /**
     * Minimum distance between two territories: every vertex of each is measured to the other's
     * boundary (the minimum between two polylines is attained at a vertex of one of them), with
     * the best distance so far as a pruning bound; zero if one contains a point of the other.
     */
    public PairDistance between(Dataset ds, CountryCode a, CountryCode b) {
        return pairCache.computeIfAbsent(ds.id() + "|" + a.code() + "|" + b.code(), k -> compute(ds, a, b));
    }

    private PairDistance compute(Dataset ds, CountryCode a, CountryCode b) {
        Territory ta = ds.territory(a);
        Territory tb = ds.territory(b);
        if (ta == null || tb == null) {
            throw new IllegalArgumentException(ds.id() + " does not draw " + (ta == null ? a : b).code());
        }
        if (a.sameStateAs(b)) {
            Coordinate c = tb.land().getInteriorPoint().getCoordinate();
            LatLon p = Rounding.point(c.y, c.x); // rounded like every other published point
            return new PairDistance(a.code(), b.code(), ds.id(), 0, p, p, null);
        }
        Best best = new Best();
        scan(ta, tb, best, false);
        scan(tb, ta, best, true);
        if (best.distanceM > 0) {
            Coordinate ca = ta.land().getCoordinate();
            Coordinate cb = tb.land().getCoordinate();
            if (ds.inside(b, ca.y, ca.x) || ds.inside(a, cb.y, cb.x)) {
                best.distanceM = 0;
            }
        }
        Double bearing = best.distanceM == 0 ? null : Rounding.bearing(GeodesicSegments.normalizeBearing(
            Wgs84.GEODESIC.Inverse(best.a.lat(), best.a.lon(), best.b.lat(), best.b.lon()).azi1));
        return new PairDistance(a.code(), b.code(), ds.id(), Rounding.metres(best.distanceM),
            Rounding.point(best.a.lat(), best.a.lon()), Rounding.point(best.b.lat(), best.b.lon()), bearing);
    }

    private static final class Best {
        double distanceM = Double.POSITIVE_INFINITY;
        LatLon a;
        LatLon b;
    }

    private static void scan(Territory from, Territory to, Best best, boolean swapped) {
        SegmentIndex index = to.boundary();
        for (Coordinate v : from.land().getCoordinates()) {
            if (best.distanceM == 0) {
                return;
            }
            NearestPoint n = index.nearestWithin(v.y, v.x, best.distanceM);
            if (n != null && n.distanceM() < best.distanceM) {
                best.distanceM = n.distanceM();
                LatLon onFrom = new LatLon(v.y, v.x);
                LatLon onTo = new LatLon(n.lat(), n.lon());
                best.a = swapped ? onTo : onFrom;
                best.b = swapped ? onFrom : onTo;
            }
        }
    }

    private static Double bearing(NearestPoint n) {
        return Rounding.bearing(n.bearingDeg());
    }
}

package io.borderline.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent reference for point-to-boundary distance: every segment is treated as the
 * geodesic between its vertices (GeographicLib {@link GeodesicLine}) and the distance along it
 * is minimised by golden-section search. A spherical pre-filter (which can only be loose by
 * the 0.7 % sphere-vs-ellipsoid difference, handled with a wide margin) keeps it tractable.
 * Shares no code with {@link SegmentIndex}.
 */
public final class BruteForce {
    private static final Geodesic G = Geodesic.WGS84;
    private static final double R = 6_371_008.8;

    private final List<double[]> segments = new ArrayList<>(); // latA, lonA, latB, lonB

    public BruteForce(Geometry g) {
        add(g);
    }

    private void add(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                line(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    line(p.getInteriorRingN(h));
                }
            } else if (part instanceof LineString l) {
                line(l);
            } else if (part != g) {
                add(part); // nested collections
            }
        }
    }

    private void line(LineString l) {
        Coordinate[] c = l.getCoordinates();
        for (int i = 1; i < c.length; i++) {
            segments.add(new double[] {c[i - 1].y, c[i - 1].x, c[i].y, c[i].x});
        }
    }

    public int size() {
        return segments.size();
    }

    /** Minimum geodesic distance in metres from (lat, lon) to all segments. */
    public double distance(double lat, double lon) {
        double[] approx = new double[segments.size()];
        double bestApprox = Double.POSITIVE_INFINITY;
        for (int i = 0; i < approx.length; i++) {
            double[] s = segments.get(i);
            approx[i] = sphericalSegment(lat, lon, s);
            bestApprox = Math.min(bestApprox, approx[i]);
        }
        double cutoff = bestApprox * 1.02 + 2_000;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < approx.length; i++) {
            if (approx[i] <= cutoff) {
                best = Math.min(best, exactSegment(lat, lon, segments.get(i)));
            }
        }
        return best;
    }

    /** Golden-section minimum over the geodesic segment. */
    static double exactSegment(double lat, double lon, double[] s) {
        GeodesicLine line = G.InverseLine(s[0], s[1], s[2], s[3],
            GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        double length = line.Distance();
        double lo = 0;
        double hi = length;
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double f1 = at(line, x1, lat, lon);
        double f2 = at(line, x2, lat, lon);
        while (hi - lo > 1e-3) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - phi * (hi - lo);
                f1 = at(line, x1, lat, lon);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + phi * (hi - lo);
                f2 = at(line, x2, lat, lon);
            }
        }
        return Math.min(Math.min(f1, f2), Math.min(at(line, 0, lat, lon), at(line, length, lat, lon)));
    }

    private static double at(GeodesicLine line, double s, double lat, double lon) {
        GeodesicData p = line.Position(s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return G.Inverse(lat, lon, p.lat2, p.lon2, GeodesicMask.DISTANCE).s12;
    }

    /** Great-circle distance from a point to a great-circle arc on a sphere of mean radius. */
    static double sphericalSegment(double lat, double lon, double[] s) {
        double[] p = unit(lat, lon);
        double[] a = unit(s[0], s[1]);
        double[] b = unit(s[2], s[3]);
        double[] n = cross(a, b);
        double nn = Math.sqrt(dot(n, n));
        double da = angle(p, a);
        double db = angle(p, b);
        if (nn < 1e-15) {
            return R * Math.min(da, db);
        }
        for (int k = 0; k < 3; k++) {
            n[k] /= nn;
        }
        double sinCross = dot(p, n);
        double[] foot = {p[0] - sinCross * n[0], p[1] - sinCross * n[1], p[2] - sinCross * n[2]};
        double fn = Math.sqrt(dot(foot, foot));
        if (fn > 1e-15) {
            for (int k = 0; k < 3; k++) {
                foot[k] /= fn;
            }
            // foot lies on the arc if it is between a and b
            if (dot(cross(a, foot), n) >= 0 && dot(cross(foot, b), n) >= 0) {
                return R * Math.abs(Math.asin(Math.max(-1, Math.min(1, sinCross))));
            }
        }
        return R * Math.min(da, db);
    }

    private static double[] unit(double lat, double lon) {
        double la = Math.toRadians(lat);
        double lo = Math.toRadians(lon);
        return new double[] {Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double angle(double[] u, double[] v) {
        return Math.atan2(Math.sqrt(dot(cross(u, v), cross(u, v))), dot(u, v));
    }
}

package io.borderline.geodesy;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * The brute-force reference of {@link BruteForce} (every segment, spherical pre-filter with the
 * same margin, golden-section minimisation along the segment as a GeographicLib geodesic), made
 * fast enough for tens of thousands of queries against Russia's 400,000 segments: the unit
 * vectors and great-circle normals of every segment are computed once, so the pre-filter costs
 * a few dot products and one arcsine per segment instead of allocating. It returns the same
 * distance as {@link BruteForce#distance} (a test checks it); it shares no code with
 * {@link SegmentIndex}. Thread-safe after construction.
 */
public final class ReferenceDistance {
    private static final double R = 6_371_008.8;

    private final int n;
    private final double[] seg; // latA, lonA, latB, lonB per segment
    private final double[] v; // per segment 15: a, b, n (unit normal; 0 if degenerate), n x a, b x n

    public ReferenceDistance(Geometry g) {
        List<double[]> segments = new ArrayList<>();
        for (Object o : LinearComponentExtracter.getLines(g)) {
            Coordinate[] c = ((LineString) o).getCoordinates();
            for (int i = 1; i < c.length; i++) {
                segments.add(new double[] {c[i - 1].y, c[i - 1].x, c[i].y, c[i].x});
            }
        }
        n = segments.size();
        seg = new double[4 * n];
        v = new double[15 * n];
        for (int i = 0; i < n; i++) {
            double[] s = segments.get(i);
            System.arraycopy(s, 0, seg, 4 * i, 4);
            double[] a = unit(s[0], s[1]);
            double[] b = unit(s[2], s[3]);
            double[] nn = cross(a, b);
            double len = Math.sqrt(dot(nn, nn));
            if (len < 1e-15) {
                nn = new double[3];
            } else {
                for (int k = 0; k < 3; k++) {
                    nn[k] /= len;
                }
            }
            double[] na = cross(nn, a);
            double[] bn = cross(b, nn);
            int o = 15 * i;
            System.arraycopy(a, 0, v, o, 3);
            System.arraycopy(b, 0, v, o + 3, 3);
            System.arraycopy(nn, 0, v, o + 6, 3);
            System.arraycopy(na, 0, v, o + 9, 3);
            System.arraycopy(bn, 0, v, o + 12, 3);
        }
    }

    public int size() {
        return n;
    }

    /** Minimum geodesic distance in metres from (lat, lon) to every segment. */
    public double distance(double lat, double lon) {
        double[] p = unit(lat, lon);
        double[] approx = new double[n];
        double bestApprox = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            approx[i] = spherical(p, 15 * i);
            bestApprox = Math.min(bestApprox, approx[i]);
        }
        double cutoff = bestApprox * 1.02 + 2_000; // BruteForce's margin
        double best = Double.POSITIVE_INFINITY;
        double[] s = new double[4];
        for (int i = 0; i < n; i++) {
            if (approx[i] <= cutoff) {
                System.arraycopy(seg, 4 * i, s, 0, 4);
                best = Math.min(best, BruteForce.exactSegment(lat, lon, s));
            }
        }
        return best;
    }

    /** Great-circle distance on the mean sphere from unit vector p to segment at offset o. */
    private double spherical(double[] p, int o) {
        double px = p[0], py = p[1], pz = p[2];
        double nx = v[o + 6], ny = v[o + 7], nz = v[o + 8];
        if ((nx != 0 || ny != 0 || nz != 0)
            && px * v[o + 9] + py * v[o + 10] + pz * v[o + 11] >= 0
            && px * v[o + 12] + py * v[o + 13] + pz * v[o + 14] >= 0) {
            double sin = px * nx + py * ny + pz * nz;
            return R * Math.abs(Math.asin(Math.max(-1, Math.min(1, sin))));
        }
        double da = chordAngle(px - v[o], py - v[o + 1], pz - v[o + 2]);
        double db = chordAngle(px - v[o + 3], py - v[o + 4], pz - v[o + 5]);
        return R * Math.min(da, db);
    }

    private static double chordAngle(double dx, double dy, double dz) {
        return 2 * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
    }

    private static double[] unit(double lat, double lon) {
        double la = Math.toRadians(lat);
        double lo = Math.toRadians(lon);
        return new double[] {Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)};
    }

    private static double[] cross(double[] u, double[] w) {
        return new double[] {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
    }

    private static double dot(double[] u, double[] w) {
        return u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
    }
}

package io.borderline.geodesy;

import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Areas and lengths on the WGS84 ellipsoid with GeographicLib ({@link PolygonArea}), treating
 * every edge as a geodesic. Accuracy is that of GeographicLib's geodesic polygons (Karney 2013,
 * "Algorithms for geodesics", J. Geodesy 87): far below a square metre for these polygons.
 * Thread-safe: stateless.
 */
public final class EllipsoidalMeasure {
    private EllipsoidalMeasure() {}

    /**
     * Area in square metres of the polygons in {@code geometry}: shells minus holes. Rings are
     * measured independently, so an invalid (self-intersecting) ring gets its signed area,
     * which is how the repair report measures the raw data.
     */
    public static double areaM2(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry g = geometry.getGeometryN(i);
            if (g instanceof Polygon p) {
                total += Math.abs(ringArea(p.getExteriorRing()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    total -= Math.abs(ringArea(p.getInteriorRingN(h)));
                }
            } else if (g != geometry && g.getNumGeometries() > 0) {
                total += areaM2(g);
            }
        }
        return total;
    }

    /** Signed area of one ring in square metres (positive counter-clockwise). */
    public static double ringArea(LineString ring) {
        PolygonArea pa = new PolygonArea(Wgs84.GEODESIC, false);
        Coordinate[] c = ring.getCoordinates();
        int n = c.length;
        if (n > 1 && c[0].equals2D(c[n - 1])) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            pa.AddPoint(c[i].y, c[i].x);
        }
        PolygonResult r = pa.Compute(false, true);
        return r.area;
    }

    /** Geodesic length in metres of all lines and rings in {@code geometry}. */
    public static double lengthM(Geometry geometry) {
        double total = 0;
        for (Object line : LinearComponentExtracter.getLines(geometry)) {
            total += lineLength(((LineString) line).getCoordinates());
        }
        return total;
    }

    private static double lineLength(Coordinate[] c) {
        double s = 0;
        for (int i = 1; i < c.length; i++) {
            s += Wgs84.GEODESIC.Inverse(c[i - 1].y, c[i - 1].x, c[i].y, c[i].x).s12;
        }
        return s;
    }
}

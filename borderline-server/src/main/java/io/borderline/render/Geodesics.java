package io.borderline.render;

import io.borderline.geodesy.Wgs84;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Geodesic curves as densified longitude/latitude lines (GeographicLib, WGS84), so that drawn
 * in any projection they follow the true geodesic to within a fraction of a pixel rather than
 * a straight chord.
 */
public final class Geodesics {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Geodesics() {}

    /** The geodesic between two points, with a vertex at least every {@code maxStepM} metres. */
    public static LineString line(double lat1, double lon1, double lat2, double lon2, double maxStepM) {
        GeodesicData inv = Wgs84.GEODESIC.Inverse(lat1, lon1, lat2, lon2);
        GeodesicLine l = Wgs84.GEODESIC.InverseLine(lat1, lon1, lat2, lon2,
            GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN);
        int n = Math.max(2, (int) Math.ceil(inv.s12 / maxStepM) + 1);
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeodesicData d = l.Position(inv.s12 * i / (n - 1),
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL);
            out.add(new Coordinate(d.lon2, d.lat2));
        }
        return FACTORY.createLineString(out.toArray(Coordinate[]::new));
    }

    /** The geodesic circle of {@code radiusM} metres around a point, as a closed line of {@code n} vertices. */
    public static LineString circle(double lat, double lon, double radiusM, int n) {
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            GeodesicData d = Wgs84.GEODESIC.Direct(lat, lon, 360.0 * i / n, radiusM);
            c[i] = new Coordinate(d.lon2, d.lat2);
        }
        c[n] = c[0];
        return FACTORY.createLineString(c);
    }
}

package io.borderline.coverage;

import io.borderline.geodesy.Wgs84;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Ellipsoidal azimuthal equidistant projection built from GeographicLib's geodesic solutions:
 * distance and azimuth from the centre are exact, so a planar circle around the centre is an
 * exact geodesic circle. Used only for the first guess of a coverage outline; the outline is
 * then corrected with exact distances. Thread-safe.
 */
final class AzimuthalEquidistant {
    private final double lat0;
    private final double lon0;

    AzimuthalEquidistant(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
    }

    Coordinate forward(double lat, double lon) {
        GeodesicData g = Wgs84.GEODESIC.Inverse(lat0, lon0, lat, lon, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        double a = Math.toRadians(g.azi1);
        return new Coordinate(g.s12 * Math.sin(a), g.s12 * Math.cos(a));
    }

    /** Inverse projection; x = longitude, y = latitude of the returned coordinate. */
    Coordinate reverse(double x, double y) {
        double s = Math.hypot(x, y);
        double azi = Math.toDegrees(Math.atan2(x, y));
        GeodesicData g = Wgs84.GEODESIC.Direct(lat0, lon0, azi, s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return new Coordinate(g.lon2, g.lat2);
    }

    Geometry forward(Geometry lonLat) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence seq, Geometry parent) {
                Coordinate[] out = new Coordinate[seq.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = forward(seq.getY(i), seq.getX(i));
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(lonLat);
    }
}

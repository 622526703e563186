package io.borderline.geodesy;

import org.locationtech.jts.geom.Envelope;

/**
 * A longitude/latitude box sure to hold every point within a geodesic distance of a box, without computing the
 * buffer: what a collection's extent can say before its coverages are computed.
 *
 * <p>Along a geodesic on WGS84 latitude changes by at most {@code ds / M} and longitude by at most
 * {@code ds / (N cos φ)}, with M the meridional radius of curvature (never below a(1 − e²)) and N the normal
 * radius (never below a). So within distance d the latitude moves at most d / (a(1 − e²)) radians, and, on a
 * path whose latitudes stay within the grown band, the longitude at most d / (a cos φ_max) with φ_max the band's
 * largest |latitude|. A band that reaches a pole, or a longitude span past 360°, gives every longitude. The box
 * is a bound, not the buffer's tight extent: up to about 1 % wider at the mid-latitudes, more near a pole.
 */
public final class GeodesicBounds {
    private static final double MIN_MERIDIONAL_RADIUS_M = Wgs84.A_M * (1 - Wgs84.F * (2 - Wgs84.F));

    private GeodesicBounds() {
    }

    /** The box (degrees, longitude within −180..180 unless {@code box} is unwrapped past it) grown by {@code distanceM}. */
    public static Envelope within(Envelope box, double distanceM) {
        if (box.isNull() || distanceM <= 0) {
            return new Envelope(box);
        }
        double dLat = Math.toDegrees(distanceM / MIN_MERIDIONAL_RADIUS_M);
        double minLat = box.getMinY() - dLat;
        double maxLat = box.getMaxY() + dLat;
        if (minLat <= -90 || maxLat >= 90) {
            return new Envelope(-180, 180, Math.max(-90, minLat), Math.min(90, maxLat));
        }
        double phiMax = Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat)));
        double dLon = Math.toDegrees(distanceM / (Wgs84.A_M * Math.cos(phiMax)));
        double minLon = box.getMinX() - dLon;
        double maxLon = box.getMaxX() + dLon;
        if (maxLon - minLon >= 360 || minLon < -180 || maxLon > 180) { // round the globe, or across the antimeridian
            return new Envelope(-180, 180, minLat, maxLat);
        }
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}

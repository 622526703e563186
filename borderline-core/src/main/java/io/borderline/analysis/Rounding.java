package io.borderline.analysis;

import io.borderline.geodesy.LatLon;

/**
 * Rounds published numbers to what they can honestly claim: metres to the millimetre,
 * coordinates to 1e-7 degrees (about 1 cm), bearings to 1e-4 degrees. Far below the 1 m
 * accuracy bound, so rounding never changes an answer; it only stops 17-digit noise.
 */
final class Rounding {
    private Rounding() {}

    static double metres(double m) {
        return Math.round(m * 1000) / 1000.0;
    }

    /** Metres as km to the metre: what every {@code distance_km} publishes. */
    static double km(double m) {
        return Math.round(m) / 1000.0;
    }

    static Double bearing(Double deg) {
        if (deg == null || deg.isNaN()) {
            return null;
        }
        double r = Math.round(deg * 1e4) / 1e4;
        return r >= 360 ? r - 360 : r;
    }

    static LatLon point(double lat, double lon) {
        return new LatLon(Math.round(lat * 1e7) / 1e7, Math.round(lon * 1e7) / 1e7);
    }
}

package io.borderline.data;

import org.locationtech.jts.geom.Envelope;

/**
 * The longitude/latitude window the boundaries are clipped to. Only Russia extends beyond it;
 * its clipped edges are not borders, and answers whose nearest point lies on them say so.
 * It reaches 1,500 km or more east of Belarus, enough for every catalogue range up to
 * one-way attack drones launched from Russia's western regions.
 */
public final class RegionWindow {
    public static final double MIN_LON = 13.5;
    public static final double MAX_LON = 50.0;
    public static final double MIN_LAT = 41.0;
    public static final double MAX_LAT = 70.5;
    /** Parts of Russia inside this box form the Kaliningrad exclave. */
    public static final Envelope KALININGRAD_BOX = new Envelope(19.0, 23.5, 54.0, 56.0);

    private RegionWindow() {}

    public static Envelope envelope() {
        return new Envelope(MIN_LON, MAX_LON, MIN_LAT, MAX_LAT);
    }

    /** True if the point lies on the window's edge, i.e. on an artificial clip line. */
    public static boolean onEdge(double lat, double lon) {
        double eps = 1e-7;
        return Math.abs(lon - MIN_LON) < eps || Math.abs(lon - MAX_LON) < eps
            || Math.abs(lat - MIN_LAT) < eps || Math.abs(lat - MAX_LAT) < eps;
    }
}

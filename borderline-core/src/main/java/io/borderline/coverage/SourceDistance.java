package io.borderline.coverage;

import io.borderline.geodesy.LatLon;

/**
 * Geodesic distance from any point to a coverage source (points, lines or territories), 0
 * inside a territory. Implementations are thread-safe.
 */
public interface SourceDistance {
    /**
     * @return the distance in metres and the nearest point of the source (the query point itself
     *     when it is inside a territory source)
     */
    Nearest nearest(double lat, double lon);

    /**
     * A distance, where it is attained and, when known, the initial azimuth of the geodesic from there back to the
     * query point (degrees; NaN when unknown or the distance is zero), which spares a coverage's outline correction
     * an inverse solution per step.
     */
    record Nearest(double distanceM, LatLon point, double backAzimuthDeg) {
        public Nearest(double distanceM, LatLon point) {
            this(distanceM, point, Double.NaN);
        }

        /** The segment index's answer as a source distance. */
        public static Nearest of(io.borderline.geodesy.NearestPoint n) {
            return new Nearest(n.distanceM(), new LatLon(n.lat(), n.lon()), n.backAzimuthDeg());
        }
    }
}

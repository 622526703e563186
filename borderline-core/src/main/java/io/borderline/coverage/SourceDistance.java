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

    /** A distance and where it is attained. */
    record Nearest(double distanceM, LatLon point) {}
}

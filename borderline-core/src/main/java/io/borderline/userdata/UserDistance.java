package io.borderline.userdata;

import io.borderline.geodesy.LatLon;

/**
 * How far a point is from a user's target, measured like a country distance: geodesic on WGS84
 * to the nearest point of the target's lines and area edges, every edge taken as the geodesic
 * between its vertices; exact to within 1 m of a brute-force minimisation over all edges.
 *
 * @param point the query point
 * @param inside true if the point lies in one of the target's areas (holes excluded); always false for lines
 * @param distanceM 0 inside an area, else the distance to the nearest point of the target, metres
 * @param nearestPoint that nearest point (null inside)
 * @param bearingDeg initial azimuth from the point towards it, degrees from true north (null inside)
 * @param nearestFeature id of the feature the nearest point lies on (null inside)
 * @param edge distance to the nearest line or area edge, also from inside an area (how deep inside it is)
 */
public record UserDistance(LatLon point, boolean inside, double distanceM, LatLon nearestPoint, Double bearingDeg,
                           String nearestFeature, Edge edge) {

    /**
     * @param distanceM geodesic distance to the nearest line or area edge, metres
     * @param nearestPoint that point
     * @param bearingDeg initial azimuth towards it, degrees from true north (null at distance 0)
     * @param feature id of the feature it lies on
     */
    public record Edge(double distanceM, LatLon nearestPoint, Double bearingDeg, String feature) {}
}

package io.borderline.geodesy;

/**
 * The nearest point of a set of segments to a query point, measured on the WGS84 ellipsoid.
 *
 * @param distanceM geodesic distance from the query point to the nearest point, metres
 * @param lat latitude of the nearest point, degrees
 * @param lon longitude of the nearest point, degrees
 * @param bearingDeg initial azimuth of the geodesic from the query point to the nearest point,
 *     degrees clockwise from true north in [0, 360); NaN when the distance is zero
 * @param segment index of the segment the nearest point lies on, in the index's own numbering
 * @param backAzimuthDeg initial azimuth of the geodesic from the nearest point back to the query point, degrees
 *     clockwise from true north in (-180, 180] (GeographicLib's, from the same inverse solution); NaN when the
 *     distance is zero
 */
public record NearestPoint(double distanceM, double lat, double lon, double bearingDeg, int segment,
                           double backAzimuthDeg) {}

package io.borderline.geodesy;

/**
 * A position on WGS84.
 *
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 */
public record LatLon(double lat, double lon) {}

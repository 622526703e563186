package io.borderline.userdata;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a user geometry, as read: its id and its geometry in WGS84 longitude/latitude
 * (converted from the declared CRS), before any repair.
 *
 * @param index position in the input, from 0
 * @param id the feature's id (its {@code id}, else {@code properties.id}, else its index), as text
 * @param geometry a Polygon, MultiPolygon, LineString or MultiLineString, x = longitude
 * @param properties the feature's scalar properties (strings, numbers, booleans), in input order
 */
public record UserFeature(int index, String id, Geometry geometry, Map<String, Object> properties) {

    /** True for areas (Polygon, MultiPolygon), false for lines. */
    public boolean area() {
        return geometry.getDimension() == 2;
    }

    /** How messages name this feature: "feature 3 (id 'sector-b')". */
    public String label() {
        return label(index, id);
    }

    static String label(int index, String id) {
        return id == null || id.equals(Integer.toString(index)) ? "feature " + index
            : "feature " + index + " (id '" + id + "')";
    }
}

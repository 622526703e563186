package io.borderline.features;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a published layer: what OGC API Features items, KML placemarks and vector tile
 * features are made from.
 *
 * @param id stable identifier, unique within its layer
 * @param geometry longitude/latitude on WGS84, or null for features without a location (drone classes)
 * @param properties flat property values (strings, numbers, booleans, null), in display order
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {

    /** The property as text for equality filters; null when absent or null. */
    public String text(String property) {
        Object v = properties.get(property);
        return v == null ? null : v.toString();
    }
}

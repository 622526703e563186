package io.borderline.data;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One geometry of a boundary dataset file: a country's land territory ({@code kind} "country"),
 * or the shared boundary line of two countries ({@code kind} "border"). Coordinates are
 * longitude/latitude on WGS84, x = longitude.
 *
 * @param kind "country" or "border"
 * @param id ISO 3166-1 alpha-3 code (or RUS-KGD), or a border id such as BLR-LTU
 * @param properties string properties carried with the geometry (names, lengths, repair notes)
 * @param geometry the geometry, valid per JTS
 */
public record FeatureRecord(String kind, String id, Map<String, String> properties, Geometry geometry) {
    public static final String COUNTRY = "country";
    public static final String BORDER = "border";
    /** The part of a border where the two land polygons share edges. */
    public static final String BORDER_LAND = "border-land";
    /** The part of a border in water: a river, a lake, or where two territorial seas meet. */
    public static final String BORDER_WATER = "border-water";
}

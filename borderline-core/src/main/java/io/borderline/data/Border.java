package io.borderline.data;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The shared boundary line of two loaded countries in one dataset.
 *
 * @param id border id, the two codes in alphabetical order joined by "-" (e.g. BLR-LTU, LTU-RUS-KGD)
 * @param a first country
 * @param b second country
 * @param lengthKm geodesic length, km
 * @param line the line, longitude/latitude
 * @param properties further properties from the data build (land and water lengths, what the line is)
 * @param landPart the part where the two land polygons share edges, or null if the dataset does not split
 * @param waterPart the part in water (river, lake or territorial sea), or null if the dataset does not split
 */
public record Border(String id, CountryCode a, CountryCode b, double lengthKm, Geometry line,
                     Map<String, String> properties, Geometry landPart, Geometry waterPart) {

    /** The same border with its land and water parts attached. */
    public Border withParts(Geometry land, Geometry water) {
        return new Border(id, a, b, lengthKm, line, properties, land, water);
    }

    /** True if this border is part of {@code c}'s boundary (Russia includes Kaliningrad's). */
    public boolean bounds(CountryCode c) {
        return a == c || b == c || (c == CountryCode.RUS && (a == CountryCode.RUS_KGD || b == CountryCode.RUS_KGD));
    }
}

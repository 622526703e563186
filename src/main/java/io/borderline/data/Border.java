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
 */
public record Border(String id, CountryCode a, CountryCode b, double lengthKm, Geometry line,
                     Map<String, String> properties) {

    /** True if this border is part of {@code c}'s boundary (Russia includes Kaliningrad's). */
    public boolean bounds(CountryCode c) {
        return a == c || b == c || (c == CountryCode.RUS && (a == CountryCode.RUS_KGD || b == CountryCode.RUS_KGD));
    }
}

package io.borderline.coverage;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a coverage is computed from: one or several points, lines or territories, with a
 * description for responses and an exact distance function.
 *
 * @param kind country, region (a country's part inside a window, {@link SourceRegion}), border, site or point
 * @param ids the ids of the parts (country codes, border ids, site ids, or "lat,lon")
 * @param geometry the source geometry, longitude/latitude
 * @param distance exact geodesic distance to the source
 * @param ownTerritories the territories the source stands on (for mode=beyond), each valid on its own (they
 *     may touch or overlap one another, so they are never merged into one invalid multipolygon); empty if none
 * @param ownStates the codes of those territories, in the same order
 */
public record Source(String kind, List<String> ids, Geometry geometry, SourceDistance distance,
                     List<Geometry> ownTerritories, List<String> ownStates) {

    /** Stable key for caching. */
    public String key() {
        return kind + ":" + String.join(",", ids);
    }
}

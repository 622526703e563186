package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.analysis.CoverageRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A coverage's statistics as flat properties, one value each, so GDAL, QGIS and spreadsheet tools read
 * them as columns (a nested object reaches them as one JSON string). Areas in km² (ellipsoidal), shares in
 * percent, populations as GeoNames sums. Totals say whether the source's own territory counts: the
 * {@code _including_source} columns count it, the {@code _beyond_source} columns leave it out (the territory
 * of {@code source_states}: a country source's countries, the state a site or point stands on; a border
 * stands on none, so both are the same).
 */
final class CoverageColumns {
    private CoverageColumns() {}

    /** Adds the columns for {@code stats} (the engine's nested statistics) to {@code props}. */
    static void add(ObjectNode props, CoverageRequest req, JsonNode stats, String name) {
        props.put("name", name);
        props.put("source_kind", req.sourceKind());
        props.put("source_ids", String.join(",", req.sourceIds()));
        // the engine's totals (ExposureCalculator): the source's own territory counted or left out
        JsonNode beyond = stats.path("beyond_source");
        JsonNode including = stats.path("including_source");
        props.put("land_in_range_including_source_km2", including.path("land_area_km2").asDouble());
        props.put("land_in_range_beyond_source_km2", beyond.path("land_area_km2").asDouble());
        props.put("places_in_range", including.path("places").asLong());
        props.put("places_in_range_beyond_source", beyond.path("places").asLong());
        props.put("population_in_range_including_source", including.path("population").asLong());
        props.put("population_in_range_beyond_source", beyond.path("population").asLong());
        props.put("source_states", String.join(",", texts(stats.path("source_states"))));
        for (JsonNode c : stats.path("countries")) {
            String column = c.get("code").asText().replace('-', '_');
            props.put(column + "_area_in_range_km2", c.path("area_in_range_km2").asDouble());
            props.put(column + "_share_percent", c.path("share_percent").asDouble());
        }
        List<String> sites = new ArrayList<>();
        stats.path("sites").forEach(s -> sites.add(s.get("id").asText()));
        props.put("sites_in_range", String.join(",", sites));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

package io.borderline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.analysis.CoverageRequest;
import io.borderline.data.CountryCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A coverage's statistics as flat properties, one value each, so GDAL, QGIS and spreadsheet tools read
 * them as columns (a nested object reaches them as one JSON string). Areas in km² (ellipsoidal), shares in
 * percent, populations as GeoNames sums. Totals say whether the source's own territory counts: the
 * {@code _including_source} columns count it, the {@code _beyond_source} columns leave it out (for country
 * sources; a site, point or border source stands on no territory of its own, so both are the same).
 */
final class CoverageColumns {
    private CoverageColumns() {}

    /** Adds the columns for {@code stats} (the engine's nested statistics) to {@code props}. */
    static void add(ObjectNode props, CoverageRequest req, JsonNode stats, String name) {
        props.put("name", name);
        props.put("source_kind", req.sourceKind());
        props.put("source_ids", String.join(",", req.sourceIds()));
        Set<String> sourceCodes = new HashSet<>();
        Set<String> sourceIso2 = new HashSet<>();
        if (req.sourceKind().equals("country")) {
            for (String id : req.sourceIds()) {
                CountryCode.parse(id).ifPresent(c -> {
                    sourceCodes.add(c.code());
                    sourceIso2.add(c.iso2());
                    if (c == CountryCode.RUS) { // the exclave is part of Russia
                        sourceCodes.add(CountryCode.RUS_KGD.code());
                    }
                });
            }
        }
        double landTotal = 0;
        double landSource = 0;
        for (JsonNode c : stats.path("countries")) {
            String code = c.get("code").asText();
            double area = c.path("area_in_range_km2").asDouble();
            if (!code.equals(CountryCode.RUS_KGD.code())) { // inside RUS: counting it again would double it
                landTotal += area;
                if (sourceCodes.contains(code)) {
                    landSource += area;
                }
            }
        }
        props.put("land_in_range_including_source_km2", round1(landTotal));
        props.put("land_in_range_beyond_source_km2", round1(landTotal - landSource));
        JsonNode places = stats.path("places");
        long population = places.path("population").asLong();
        long sourcePopulation = 0;
        for (String iso2 : sourceIso2) {
            sourcePopulation += places.path("by_country").path(iso2).asLong();
        }
        props.put("places_in_range", places.path("count").asLong());
        props.put("population_in_range_including_source", population);
        props.put("population_in_range_beyond_source", population - sourcePopulation);
        for (JsonNode c : stats.path("countries")) {
            String column = c.get("code").asText().replace('-', '_');
            props.put(column + "_area_in_range_km2", c.path("area_in_range_km2").asDouble());
            props.put(column + "_share_percent", c.path("share_percent").asDouble());
        }
        List<String> sites = new ArrayList<>();
        stats.path("sites").forEach(s -> sites.add(s.get("id").asText()));
        props.put("sites_in_range", String.join(",", sites));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

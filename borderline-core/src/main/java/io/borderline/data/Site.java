package io.borderline.data;

/**
 * A named place from {@code data/sites.csv}.
 *
 * @param id stable id used in URLs
 * @param nameEn English name
 * @param nameLocal local name
 * @param country country the site lies in
 * @param lat latitude, degrees WGS84
 * @param lon longitude, degrees WGS84
 * @param kind city, capital, border_town, military_site, airfield or crossing
 * @param population GeoNames population, or null
 * @param geonamesId GeoNames id, or null
 * @param coordPrecisionM stated positional uncertainty of the coordinates, metres (0: as published)
 * @param source where the coordinates come from
 */
public record Site(String id, String nameEn, String nameLocal, CountryCode country, double lat, double lon,
                   String kind, Long population, Long geonamesId, double coordPrecisionM, String source) {
    public static final java.util.Set<String> KINDS =
        java.util.Set.of("city", "capital", "border_town", "military_site", "airfield", "crossing");
}

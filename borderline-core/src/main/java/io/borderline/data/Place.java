package io.borderline.data;

/**
 * A GeoNames populated place with at least 1,000 inhabitants, from {@code data/places.csv.gz}.
 *
 * @param geonamesId GeoNames id
 * @param name name
 * @param countryIso2 ISO 3166-1 alpha-2 country code as GeoNames records it
 * @param population GeoNames population (of the place, not of a census area)
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 */
public record Place(long geonamesId, String name, String countryIso2, long population, double lat, double lon) {}

package io.borderline.analysis;

import java.util.List;

/**
 * The numbers a briefing needs about one coverage.
 *
 * @param countries per loaded territory: area in range and share of its area
 * @param sites named sites inside the coverage with their distance to the source
 * @param places GeoNames places inside the coverage
 * @param areaKm2 ellipsoidal area of the whole coverage (land and water), km²
 * @param sourceStates the territories the source stands on: a country source's countries, the states a site or
 *     point lies in (as for mode=beyond); empty for a border or a user layer
 * @param beyondSource land and population in range outside {@code sourceStates}
 * @param includingSource land and population in range, the source's own territory included
 */
public record CoverageStats(List<CountryExposure> countries, List<SiteInRange> sites, PlacesInRange places,
                            double areaKm2, List<String> sourceStates, InRange beyondSource, InRange includingSource) {

    /**
     * Totals in range, either beyond the source's own territory or including it.
     *
     * @param landAreaKm2 ellipsoidal land area of every territory in range, km² (a derived part such as RUS-KGD
     *     counts once, inside its state)
     * @param places GeoNames places (at least 1,000 inhabitants) whose point lies in range
     * @param population their summed GeoNames population (not a census total)
     */
    public record InRange(double landAreaKm2, int places, long population) {}

    /**
     * @param code territory code
     * @param nameEn English name
     * @param areaInRangeKm2 ellipsoidal area of the territory within range, km²
     * @param areaKm2 ellipsoidal area of the territory (Russia: inside the region window), km²
     * @param sharePercent areaInRangeKm2 / areaKm2, %
     */
    public record CountryExposure(String code, String nameEn, double areaInRangeKm2, double areaKm2,
                                  double sharePercent) {}

    /**
     * @param id site id
     * @param nameEn name
     * @param country country code
     * @param kind site kind
     * @param distanceKm geodesic distance to the source, km (0 inside a territory source)
     */
    public record SiteInRange(String id, String nameEn, String country, String kind, double distanceKm) {}

    /**
     * @param count places inside the coverage
     * @param population their summed GeoNames population
     * @param note what the population figure is and is not
     * @param byCountry population per ISO 3166-1 alpha-2 country
     */
    public record PlacesInRange(int count, long population, String note, java.util.Map<String, Long> byCountry) {}
}

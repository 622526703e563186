package io.borderline.analysis;

import java.util.List;

/**
 * The numbers a briefing needs about one coverage.
 *
 * @param countries per loaded territory: area in range and share of its area
 * @param sites named sites inside the coverage with their distance to the source
 * @param places GeoNames places inside the coverage
 * @param areaKm2 ellipsoidal area of the whole coverage, km²
 */
public record CoverageStats(List<CountryExposure> countries, List<SiteInRange> sites, PlacesInRange places,
                            double areaKm2) {

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

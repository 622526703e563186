package io.borderline.analysis;

import io.borderline.data.Claim;
import io.borderline.data.CountryCode;

/**
 * What a claim check needs: a place as a point, the country the claim measures to, and the claimed
 * distance. A cited claim from {@code data/claims.csv} and anyone's claim ({@code GET /claims/check})
 * are both checked through this one value, so they are checked the same way.
 *
 * @param claimId id of a cited claim, or null for an ad hoc claim
 * @param place id of the place (a site id, a GeoNames id), or null for a bare point
 * @param placeDefinition how the place is represented, in words
 * @param lat latitude of the place, degrees WGS84
 * @param lon longitude of the place, degrees WGS84
 * @param target country the claim measures to
 * @param claimedKm the claimed distance, km (greater than 0, at most {@link ClaimChecker#MAX_CLAIMED_KM})
 */
public record ClaimQuery(String claimId, String place, String placeDefinition, double lat, double lon,
                         CountryCode target, double claimedKm) {
    /** How a GeoNames point stands for a place. */
    public static final String GEONAMES_POINT = "GeoNames point of the place (city centre); the data has no city"
        + " extents, so the distance from the edge of the built-up area is not measured";
    /** How a bare point stands for a place. */
    public static final String GIVEN_POINT = "the point given by lat and lon";

    /** A cited claim: its place is a named site. */
    public static ClaimQuery of(Claim c) {
        return new ClaimQuery(c.id(), c.site().id(), GEONAMES_POINT, c.site().lat(), c.site().lon(), c.target(),
            c.claimedKm());
    }
}

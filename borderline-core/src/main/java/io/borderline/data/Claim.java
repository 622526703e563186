package io.borderline.data;

/**
 * A public claim about a distance, from {@code data/claims.csv}. Only what was said is stored;
 * every measured value is computed from the boundary data on request.
 *
 * @param id claim id
 * @param site the place the claim is about
 * @param target the country whose border the claim measures to
 * @param claimedKm the distance claimed, km
 * @param quote the quoted sentence
 * @param speaker who said it, as far as our sources tell
 * @param date ISO date of the statement
 * @param source citation
 * @param sourceUrl link, may be empty
 */
public record Claim(String id, Site site, CountryCode target, double claimedKm, String quote, String speaker,
                    String date, String source, String sourceUrl) {}

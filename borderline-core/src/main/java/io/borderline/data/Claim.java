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
 * @param speaker who said it
 * @param speakerRole the speaker's office or role at the time
 * @param event where it was said
 * @param date ISO date of the statement as reported (the report's publication date)
 * @param source the publication that reports it
 * @param published the publication's own dateline, as printed (e.g. "24.01.2025, 14:17")
 * @param sourceUrl link, empty where we do not know it (never guessed)
 */
public record Claim(String id, Site site, CountryCode target, double claimedKm, String quote, String speaker,
                    String speakerRole, String event, String date, String source, String published,
                    String sourceUrl) {

    /** Who said it, where, and who reports it, in one sentence (for slides and maps). */
    public String attribution() {
        return speaker + ", " + speakerRole + ", at the " + event + "; reported in the " + source + ", " + published
            + (sourceUrl.isEmpty() ? " (URL not known)" : ", " + sourceUrl);
    }
}

package io.borderline.coverage;

import io.borderline.data.CountryCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A named part of one country, usable as a coverage source: the country's territory inside a longitude/latitude
 * window ({@link Sources#countryWithin}). Russia whole is 1.5 million vertices from the Baltic to the Bering
 * Strait, so its coverages are refused at most drone ranges and reach Alaska and Japan; what a map of the European
 * flank needs is European Russia, which is also what the published layer {@code coverage-rus} draws.
 *
 * @param id the source id as {@code from=} takes it (the country code with a suffix, like RUS-KGD)
 * @param country the country whose territory is cut
 * @param window the window, longitude/latitude degrees (the window's cut edges count as the source's edge)
 * @param nameEn what it is, in English, window included
 */
public record SourceRegion(String id, CountryCode country, Envelope window, String nameEn) {
    /** European Russia: Russia west of 60° E (the Urals; Novaya Zemlya cut there), the Kaliningrad exclave included. */
    public static final SourceRegion EUROPEAN_RUSSIA = new SourceRegion("RUS-EU", CountryCode.RUS,
        new Envelope(19.0, 60.0, 41.0, 82.0), "European Russia (west of 60° E, Kaliningrad included)");
    /** Every region, in the order they are listed. */
    public static final List<SourceRegion> ALL = List.of(EUROPEAN_RUSSIA);

    /** The region with this id (case-insensitive), if any. */
    public static Optional<SourceRegion> parse(String id) {
        String upper = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.id().equals(upper)).findFirst();
    }

    /** "lon 19 to 60 E, lat 41 to 82 N": the window in words. */
    public String windowText() {
        return "lon " + fmt(window.getMinX()) + " to " + fmt(window.getMaxX()) + " E, lat " + fmt(window.getMinY())
            + " to " + fmt(window.getMaxY()) + " N";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

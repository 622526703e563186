package io.borderline.render;

import io.borderline.analysis.CoverageStats;
import java.util.Locale;

/**
 * The one place that words a coverage's land and population totals for maps and slides. Every total is
 * given twice, "beyond the source" (the source's own territory left out) and "including the source", so a
 * reader never takes a country's own people for the people its neighbours have in range.
 */
public final class InRangeText {
    private InRangeText() {}

    /** "1.8 million people beyond the source, 8.9 million including the source". */
    public static String population(CoverageStats s) {
        return people(s.beyondSource().population()) + " people beyond the source, "
            + people(s.includingSource().population()) + " including the source";
    }

    /** "12,345 km² of land beyond the source, 217,890 km² including the source". */
    public static String land(CoverageStats s) {
        return area(s.beyondSource().landAreaKm2()) + " of land beyond the source, "
            + area(s.includingSource().landAreaKm2()) + " including the source";
    }

    /** "1,234 GeoNames places beyond the source, 2,345 including the source". */
    public static String places(CoverageStats s) {
        return String.format(Locale.ROOT, "%,d GeoNames places beyond the source, %,d including the source",
            s.beyondSource().places(), s.includingSource().places());
    }

    /** A population for a label: "8.9 million" from a million, else "123,456". */
    public static String people(long p) {
        if (p >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f million", p / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", p);
    }

    /** An area for a label: "12,345 km²". */
    public static String area(double km2) {
        return String.format(Locale.ROOT, "%,.0f km²", km2);
    }
}

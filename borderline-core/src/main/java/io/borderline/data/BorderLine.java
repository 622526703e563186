package io.borderline.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which line counts as "the border" of a country.
 *
 * <ul>
 *   <li>{@link #POLITICAL}: the political boundary, on land, through boundary rivers and lakes, and
 *       out through the 12-nautical-mile territorial-sea lines (the default).</li>
 *   <li>{@link #LAND}: the land boundary, on land and through boundary rivers and lakes (the Narva
 *       river, Lake Peipus), without the lines at sea.</li>
 * </ul>
 * Natural Earth draws land boundaries only, so both give the same line there.
 */
public enum BorderLine {
    POLITICAL("political"),
    LAND("land");

    /** The default of every endpoint. */
    public static final BorderLine DEFAULT = POLITICAL;

    private final String id;

    BorderLine(String id) {
        this.id = id;
    }

    /** The parameter value, "political" or "land". */
    public String id() {
        return id;
    }

    public static Optional<BorderLine> parse(String s) {
        return Arrays.stream(values()).filter(b -> b.id.equals(s == null ? null : s.trim().toLowerCase(Locale.ROOT)))
            .findFirst();
    }
}

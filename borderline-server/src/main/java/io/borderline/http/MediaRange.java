package io.borderline.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One media range of an {@code Accept} header: its type (lower case) and its quality {@code q} (1 when absent,
 * 0 when unreadable). Shared by the answers that negotiate their format.
 */
record MediaRange(String type, double q) {

    /** The ranges of an {@code Accept} header, in order. */
    static List<MediaRange> parse(String accept) {
        List<MediaRange> out = new ArrayList<>();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            out.add(new MediaRange(parts[0].trim().toLowerCase(Locale.ROOT), q));
        }
        return out;
    }
}

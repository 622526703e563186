package io.borderline.points;

/** Text helpers for messages that quote user input. */
public final class Texts {
    private Texts() {}

    /** The input with control characters replaced and cut to 60 characters, safe to quote in an error message. */
    public static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}

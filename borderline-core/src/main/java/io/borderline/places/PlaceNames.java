package io.borderline.places;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds place names for search: Unicode compatibility decomposition (NFKD), combining marks
 * dropped (so {@code Jõesuu} reads {@code joesuu}, {@code Białystok} with the stroke letters below
 * {@code bialystok}), lower case in the root locale, apostrophes dropped ({@code Kam'yanka} is
 * {@code kamyanka}), and every other character that is not a letter or digit a word break.
 * Letters NFKD does not decompose (ł, ø, đ, ß, æ, œ, ı, þ, ħ) are mapped by hand. Stateless.
 */
public final class PlaceNames {
    private PlaceNames() {}

    /** The folded words of {@code text}, in order; empty if it has no letter or digit. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || isApostrophe(cp)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                fold(Character.toLowerCase(cp), word);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** The folded words joined by single spaces. */
    public static String fold(String text) {
        return String.join(" ", words(text));
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02bc' || cp == '\u02bb' || cp == '`' || cp == '\u00b4';
    }

    private static void fold(int cp, StringBuilder out) {
        switch (cp) {
            case 'ł' -> out.append('l');
            case 'ø' -> out.append('o');
            case 'đ', 'ð' -> out.append('d');
            case 'ß' -> out.append("ss");
            case 'æ' -> out.append("ae");
            case 'œ' -> out.append("oe");
            case 'ı' -> out.append('i');
            case 'þ' -> out.append("th");
            case 'ħ' -> out.append('h');
            default -> out.appendCodePoint(cp);
        }
    }
}

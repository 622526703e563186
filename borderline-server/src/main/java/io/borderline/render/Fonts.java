package io.borderline.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The typeface of every map: DejaVu Sans (Bitstream Vera licence; see
 * {@code fonts/LICENSE-DejaVu.txt}), shipped in the jar and loaded with
 * {@link Font#createFont}, so a PNG comes out the same on any machine whatever fonts it has
 * installed. SVG output names the family ({@value #FAMILY}) in real {@code <text>} elements.
 */
public final class Fonts {
    public static final String FAMILY = "DejaVu Sans";
    private static final Font REGULAR = load("fonts/DejaVuSans.ttf");
    private static final Font BOLD = load("fonts/DejaVuSans-Bold.ttf");

    private Fonts() {}

    /** The regular face at {@code sizePx} pixels. */
    public static Font regular(double sizePx) {
        return REGULAR.deriveFont((float) sizePx);
    }

    /** The bold face at {@code sizePx} pixels. */
    public static Font bold(double sizePx) {
        return BOLD.deriveFont((float) sizePx);
    }

    private static Font load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " missing from the build");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load font " + resource, e);
        }
    }
}

package io.borderline.render;

import java.awt.Color;
import java.util.List;

/**
 * The colours of every map: muted land and water so that the subject (coverage rings,
 * measured lines) carries the only strong colour. Rings use ColorBrewer's sequential OrRd
 * scheme (Brewer, colorbrewer2.org, Apache 2.0), darkest for the smallest range.
 */
public final class Palette {
    public static final Color PAGE = Color.WHITE;
    public static final Color WATER = new Color(0xDDE7EE);
    public static final Color CONTEXT_LAND = new Color(0xF2F0EB);
    public static final Color CONTEXT_EDGE = new Color(0xC9C5BC);
    public static final Color LAND = new Color(0xE4E0D6);
    public static final Color LAND_EMPHASIS = new Color(0xCDC5B4);
    public static final Color COAST = new Color(0x9C978C);
    public static final Color BORDER = new Color(0x4D4A45);
    /** Territorial-sea boundaries: a dashed blue-grey line, apart from the land border. */
    public static final Color MARITIME = new Color(0x4F7391);
    public static final Color TEXT = new Color(0x222222);
    public static final Color TEXT_MUTED = new Color(0x5E5E5E);
    public static final Color COUNTRY_LABEL = new Color(0x7A746A);
    public static final Color FRAME = new Color(0x8A8A8A);
    public static final Color MEASURED = new Color(0x1F4E79);
    public static final Color CLAIMED = new Color(0x6F6F6F);
    public static final Color MILITARY = new Color(0x5B3A29);
    /** The source line of a coverage of a user layer: a purple the ring palette never uses, so it reads as not Borderline data. */
    public static final Color USER_LAYER = new Color(0x7B2D8E);
    /** Fill opacity of a coverage ring (rings nest, so inner areas come out darker). */
    public static final float RING_FILL_ALPHA = 0.28f;

    private static final List<List<Color>> RINGS = List.of(
        List.of(new Color(0xE34A33)),
        List.of(new Color(0xD7301F), new Color(0xFC8D59)),
        List.of(new Color(0xD7301F), new Color(0xFC8D59), new Color(0xFDCC8A)),
        List.of(new Color(0xB30000), new Color(0xE34A33), new Color(0xFC8D59), new Color(0xFDCC8A)),
        List.of(new Color(0xB30000), new Color(0xE34A33), new Color(0xFC8D59), new Color(0xFDBB84),
            new Color(0xFDD49E)));

    private Palette() {}

    /** Most rings one map draws. */
    public static int maxRings() {
        return RINGS.size();
    }

    /** Colours for {@code n} rings ordered from the smallest range to the largest. */
    public static List<Color> rings(int n) {
        if (n < 1 || n > RINGS.size()) {
            throw new IllegalArgumentException("1 to " + RINGS.size() + " rings, got " + n);
        }
        return RINGS.get(n - 1);
    }

    static Color withAlpha(Color c, float alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255));
    }
}

package io.borderline.render;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places label boxes next to their anchor points without overlapping each other, the
 * obstacles (point symbols, the legend, the scale bar, the north arrow) or the edge of the
 * bounds. Greedy, in the order labels are offered (so the caller offers the most important
 * first): each label tries the eight cartographic positions around its anchor, preferring right
 * and above (Imhof's order: NE, E, SE, NW, W, SW, N, S), first next to the anchor and then,
 * for labels that must appear, at growing distances with a leader line back to the anchor. A
 * label that fits nowhere is not placed. Not thread-safe; one placer per map.
 */
public final class LabelPlacer {
    /** Unit offsets (dx, dy, horizontal alignment, vertical alignment) of the eight positions. */
    private static final double[][] POSITIONS = {
        {1, -1}, {1, 0}, {1, 1}, {-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}};
    /** Distances, in gaps, tried for a label that must appear (the first needs no leader line). */
    private static final int[] REQUIRED_RINGS = {1, 3, 5, 8, 12, 17, 23};

    /**
     * A label to place.
     *
     * @param anchorX anchor pixel x
     * @param anchorY anchor pixel y
     * @param width box width, pixels
     * @param height box height, pixels
     * @param gap distance between the anchor and the nearest edge of the box, pixels
     * @param required true to search farther away (with a leader line) before giving up
     */
    public record Label(double anchorX, double anchorY, double width, double height, double gap, boolean required) {}

    /**
     * A placed label.
     *
     * @param label the request
     * @param box where the box went, pixels
     * @param leader true if the box is away from its anchor and needs a leader line
     */
    public record Placed(Label label, Rectangle2D box, boolean leader) {}

    private final Rectangle2D bounds;
    private final List<Rectangle2D> taken = new ArrayList<>();
    private final List<Rectangle2D> labels = new ArrayList<>();

    /** @param bounds every label box must lie inside this rectangle, pixels */
    public LabelPlacer(Rectangle2D bounds) {
        this.bounds = bounds;
    }

    /** Marks an area no label may cover (a symbol, the legend, ...). */
    public void addObstacle(Rectangle2D r) {
        taken.add(r);
    }

    /** Places the label, or returns empty if it fits nowhere. */
    public Optional<Placed> place(Label l) {
        int[] rings = l.required() ? REQUIRED_RINGS : new int[] {1};
        for (int ring : rings) {
            double gap = l.gap() * ring;
            for (double[] pos : POSITIONS) {
                Rectangle2D box = box(l, pos[0], pos[1], gap);
                if (fits(box)) {
                    taken.add(box);
                    labels.add(box);
                    return Optional.of(new Placed(l, box, ring > 1));
                }
            }
        }
        return Optional.empty();
    }

    /** Places a box centred on a point (an area label), or returns empty if it does not fit there. */
    public Optional<Placed> placeCentred(double x, double y, double width, double height) {
        Rectangle2D box = new Rectangle2D.Double(x - width / 2, y - height / 2, width, height);
        if (!fits(box)) {
            return Optional.empty();
        }
        taken.add(box);
        labels.add(box);
        return Optional.of(new Placed(new Label(x, y, width, height, 0, false), box, false));
    }

    /** Label boxes placed so far. */
    public List<Rectangle2D> labels() {
        return List.copyOf(labels);
    }

    /** Boxes placed so far, obstacles included. */
    public List<Rectangle2D> taken() {
        return List.copyOf(taken);
    }

    private static Rectangle2D box(Label l, double dx, double dy, double gap) {
        double x = dx > 0 ? l.anchorX() + gap : dx < 0 ? l.anchorX() - gap - l.width() : l.anchorX() - l.width() / 2;
        double y = dy > 0 ? l.anchorY() + gap * (dx == 0 ? 1 : 0.4)
            : dy < 0 ? l.anchorY() - gap * (dx == 0 ? 1 : 0.4) - l.height() : l.anchorY() - l.height() / 2;
        return new Rectangle2D.Double(x, y, l.width(), l.height());
    }

    private boolean fits(Rectangle2D box) {
        if (!bounds.contains(box)) {
            return false;
        }
        for (Rectangle2D t : taken) {
            if (t.intersects(box)) {
                return false;
            }
        }
        return true;
    }
}

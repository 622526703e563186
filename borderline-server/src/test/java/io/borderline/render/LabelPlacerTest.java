package io.borderline.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {

    @Test
    void placedLabelsNeverOverlapEachOtherTheObstaclesOrTheEdge() {
        Random rnd = new Random(20250124);
        Rectangle2D bounds = new Rectangle2D.Double(0, 0, 800, 450);
        LabelPlacer placer = new LabelPlacer(bounds);
        Rectangle2D legend = new Rectangle2D.Double(600, 10, 190, 120);
        placer.addObstacle(legend);
        List<Rectangle2D> placed = new ArrayList<>();
        int required = 0;
        int requiredPlaced = 0;
        for (int i = 0; i < 300; i++) {
            // clustered anchors, as cities near a border are
            double x = 400 + rnd.nextGaussian() * 120;
            double y = 225 + rnd.nextGaussian() * 70;
            boolean must = i < 10;
            var r = placer.place(new LabelPlacer.Label(x, y, 40 + rnd.nextInt(120), 14, 5, must));
            required += must ? 1 : 0;
            if (r.isPresent()) {
                placed.add(r.get().box());
                requiredPlaced += must ? 1 : 0;
            }
        }
        assertThat(placed.size()).isGreaterThan(30);
        assertThat(requiredPlaced).isEqualTo(required);
        for (int i = 0; i < placed.size(); i++) {
            assertThat(bounds.contains(placed.get(i))).isTrue();
            assertThat(placed.get(i).intersects(legend)).isFalse();
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).intersects(placed.get(j))).as(i + " vs " + j).isFalse();
            }
        }
    }

    @Test
    void twoLabelsOnOneAnchorGoToDifferentSidesPreferringNorthEast() {
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 500, 500));
        var a = placer.place(new LabelPlacer.Label(250, 250, 60, 12, 4, false)).orElseThrow();
        var b = placer.place(new LabelPlacer.Label(250, 250, 60, 12, 4, false)).orElseThrow();
        assertThat(a.box().getMinX()).isGreaterThan(250);
        assertThat(a.box().getMaxY()).isLessThan(250);
        assertThat(a.box().intersects(b.box())).isFalse();
    }

    @Test
    void aLabelThatFitsNowhereIsLeftOut() {
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 100, 40));
        assertThat(placer.place(new LabelPlacer.Label(50, 20, 120, 12, 4, true))).isEmpty();
    }
}

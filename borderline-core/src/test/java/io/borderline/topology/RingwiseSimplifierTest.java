package io.borderline.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/** The ring simplifier is JTS's Douglas-Peucker, vertex for vertex, only faster. */
class RingwiseSimplifierTest {
    private static final GeometryFactory F = new GeometryFactory();

    @Test
    void keepsTheVerticesJtsKeeps() {
        Random r = new Random(20250124);
        for (int t = 0; t < 500; t++) {
            int n = 4 + r.nextInt(1500);
            Coordinate[] c = new Coordinate[n + 1];
            double x = 0;
            double y = 0;
            for (int i = 0; i < n; i++) { // a random walk at Web Mercator magnitudes (metres)
                x += r.nextGaussian() * 1000;
                y += r.nextGaussian() * 1000;
                c[i] = new Coordinate(3e6 + x, 7e6 + y);
            }
            c[n] = new Coordinate(c[0]);
            double tolerance = r.nextDouble() * 5000;
            Coordinate[] jts = DouglasPeuckerSimplifier.simplify(F.createLineString(c), tolerance).getCoordinates();
            LinearRing ours = RingwiseSimplifier.ring(F.createLinearRing(c), tolerance, F);
            if (jts.length < 4) {
                assertThat(ours).as("ring %d collapses", t).isNull();
            } else {
                assertThat(ours).as("ring %d", t).isNotNull();
                assertThat(ours.getCoordinates()).as("ring %d", t).containsExactly(jts);
            }
        }
    }
}

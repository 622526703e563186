package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * {@link Territory#mayIntersect}: a territory whose parts lie on both sides of the globe (France and its overseas
 * departments) has a bounding box spanning the globe; the test must say "no" for a box far from every part, and
 * answer without indexing the territory (a coverage or a map of such a source would otherwise index every
 * territory of the world, which ran a 2 GB server out of memory).
 */
class TerritoryTest {
    private static final GeometryFactory F = new GeometryFactory();

    private static Polygon square(double lon, double lat, double size) {
        return (Polygon) F.toGeometry(new Envelope(lon, lon + size, lat, lat + size));
    }

    @Test
    void aBoxFarFromEveryPartDoesNotIntersectAndNothingIsIndexed() {
        // parts near Paris, in the Indian Ocean and in the South Pacific: the bounding box spans 150° of longitude
        Geometry land = F.createMultiPolygon(new Polygon[] {square(2, 48, 1), square(55, -21, 0.5),
            square(-150, -18, 0.5)});
        AtomicInteger decoded = new AtomicInteger();
        Territory t = new Territory(CountryCode.BLR, () -> {
            decoded.incrementAndGet();
            return land;
        }, land.getEnvelopeInternal(), land.getNumPoints(), 1, null);

        assertThat(t.mayIntersect(new Envelope(2.5, 3.5, 48.2, 48.8))).as("around the first part").isTrue();
        assertThat(t.mayIntersect(new Envelope(54, 56, -22, -20))).as("around the second part").isTrue();
        assertThat(t.mayIntersect(new Envelope(-151, -149, -19, -17))).as("around the third part").isTrue();
        assertThat(t.mayIntersect(new Envelope(-60, -50, 0, 10))).as("inside the box, far from every part").isFalse();
        assertThat(t.mayIntersect(new Envelope(20, 30, 40, 50))).as("inside the box, far from every part").isFalse();
        assertThat(t.mayIntersect(new Envelope(2, 3, 60, 70))).as("north of the box").isFalse();
        assertThat(t.loaded()).as("the test does not index the territory").isFalse();
        assertThat(decoded.get()).as("decoded once, for its cell raster").isEqualTo(1);
    }

    @Test
    void longitudesUnwrappedAcrossTheAntimeridianAreFoundFromEitherSide() {
        // Natural Earth writes rings crossing the antimeridian with longitudes beyond 180°
        Geometry land = F.createMultiPolygon(new Polygon[] {square(179, 65, 3), square(170, 60, 1)});
        Territory t = new Territory(CountryCode.BLR, land, 1);
        assertThat(t.mayIntersect(new Envelope(-180, -178.5, 65.5, 66))).isTrue();
        assertThat(t.mayIntersect(new Envelope(179.5, 180, 65.5, 66))).isTrue();
        assertThat(t.mayIntersect(new Envelope(-170, -160, 65, 66))).isFalse();
    }
}

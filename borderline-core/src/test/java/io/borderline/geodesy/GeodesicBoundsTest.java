package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The bound holds every point GeographicLib reaches from the box within the distance, and is not much wider. */
class GeodesicBoundsTest {
    @Test
    void everyPointWithinTheDistanceOfTheBoxIsInsideTheBound() {
        Random random = new Random(20261202);
        int tight = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            double lat0 = -80 + 160 * random.nextDouble();
            double lon0 = -170 + 330 * random.nextDouble();
            Envelope box = new Envelope(lon0, Math.min(180, lon0 + 10 * random.nextDouble()), lat0,
                Math.min(89, lat0 + 10 * random.nextDouble()));
            double d = Math.pow(10, 2 + 4.3 * random.nextDouble()); // 100 m to 2,000 km
            Envelope bound = GeodesicBounds.within(box, d);
            assertThat(bound.contains(box)).isTrue();
            double maxLat = -90;
            for (int k = 0; k < 200; k++) {
                double lat = box.getMinY() + box.getHeight() * random.nextDouble();
                double lon = box.getMinX() + box.getWidth() * random.nextDouble();
                double azimuth = 360 * random.nextDouble();
                GeodesicData g = Geodesic.WGS84.Direct(lat, lon, azimuth, d * random.nextDouble());
                double lon2 = g.lon2 > 180 ? g.lon2 - 360 : g.lon2 < -180 ? g.lon2 + 360 : g.lon2;
                assertThat(bound.contains(lon2, g.lat2)).as("%s + %.0f m: %.6f %.6f", box, d, g.lat2, lon2).isTrue();
                // due north from the box's top edge: the bound's latitude is at most M(90°)/M(0°) - 1 = 1.01 % wider
                maxLat = Math.max(maxLat, Geodesic.WGS84.Direct(box.getMaxY(), lon, 0, d).lat2);
            }
            if (bound.getMaxY() < 90 && maxLat > box.getMaxY()) {
                double reach = maxLat - box.getMaxY();
                assertThat(bound.getMaxY() - box.getMaxY()).isLessThanOrEqualTo(reach * 1.0102 + 1e-9);
                tight++;
            }
        }
        assertThat(tight).isGreaterThan(1_000);
    }

    @Test
    void aBandReachingAPoleOrTheAntimeridianTakesEveryLongitude() {
        Envelope arctic = GeodesicBounds.within(new Envelope(20, 30, 80, 85), 1_000_000);
        double south = 80 - Geodesic.WGS84.Direct(80, 25, 180, 1_000_000).lat2; // reach due south, degrees
        assertThat(arctic.getMinX()).isEqualTo(-180);
        assertThat(arctic.getMaxX()).isEqualTo(180);
        assertThat(arctic.getMaxY()).isEqualTo(90);
        assertThat(80 - arctic.getMinY()).isBetween(south, south * 1.0102);
        Envelope fiji = GeodesicBounds.within(new Envelope(176, 179.9, -19, -16), 50_000);
        assertThat(fiji.getMinX()).isEqualTo(-180);
        assertThat(fiji.getMaxX()).isEqualTo(180);
    }
}

package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.CountryCode;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * The grid accelerator answers exactly as JTS's own locator, on the real territories: in cells the grid knows, and
 * in edge cells, where the ray stops at the first clear cell east (Russia whole: a ray that did not stop would
 * cross the continent).
 */
class GridLocatorTest {
    @ParameterizedTest
    @CsvSource({"osm10m, EST", "osm10m, RUS-KGD", "osm10m, BLR", "osm10m, FIN", "osm10m, NOR", "osm10m, RUS", "ne10m, RUS", "ne10m, FJI"})
    void agreesWithTheExactLocator(String dataset, String code) {
        Geometry land = TestData.get().dataset(dataset).territory(CountryCode.parse(code).orElseThrow()).land();
        GridLocator grid = new GridLocator(land, 0.05);
        IndexedPointInAreaLocator exact = new IndexedPointInAreaLocator(land);
        Random r = new Random(1);
        var env = land.getEnvelopeInternal();
        Coordinate[] vertices = land.getCoordinates();
        for (int i = 0; i < 20_000; i++) {
            double lat;
            double lon;
            if (i % 2 == 0) {
                lat = env.getMinY() - 1 + (env.getHeight() + 2) * r.nextDouble();
                lon = env.getMinX() - 1 + (env.getWidth() + 2) * r.nextDouble();
            } else { // on the boundary, near it, and a few cells from it (where a ray stops at a clear cell)
                Coordinate v = vertices[r.nextInt(vertices.length)];
                double spread = i % 4 == 1 ? 0 : i % 8 == 3 ? 1e-3 : 0.1;
                lat = v.y + spread * r.nextGaussian();
                lon = v.x + spread * r.nextGaussian();
            }
            boolean expected = exact.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
            assertThat(grid.covers(lat, lon)).as("%f %f", lat, lon).isEqualTo(expected);
        }
    }
}

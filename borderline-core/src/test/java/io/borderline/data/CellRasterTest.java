package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The committed cell rasters answer exactly as JTS's locator: a territory's {@code onLand} and {@code inShell}
 * (which answer whole cells from the raster) agree with {@link IndexedPointInAreaLocator} on its land and outer
 * rings at random points, at points on the boundary and at points on the half-degree cell lines; and the
 * committed file equals what {@link CellRaster#of} computes from the boundary file.
 */
class CellRasterTest {
    @ParameterizedTest
    @CsvSource({"osm10m, RUS", "osm10m, FIN", "osm10m, FJI", "osm10m, LSO", "osm10m, ZAF", "osm10m, USA",
        "ne10m, RUS", "ne10m, FJI"})
    void wholeCellsAnswerAsTheExactLocator(String dataset, String code) {
        Territory t = TestData.get().dataset(dataset).territory(CountryCode.parse(code).orElseThrow());
        Geometry land = t.geometry();
        IndexedPointInAreaLocator onLand = new IndexedPointInAreaLocator(land);
        IndexedPointInAreaLocator inShell = new IndexedPointInAreaLocator(shells(land));
        var env = land.getEnvelopeInternal();
        Coordinate[] vertices = land.getCoordinates();
        Random r = new Random(7);
        int whole = 0;
        for (int i = 0; i < 30_000; i++) {
            double lat;
            double lon;
            switch (i % 3) {
                case 0 -> { // anywhere in the box
                    lat = env.getMinY() + env.getHeight() * r.nextDouble();
                    lon = env.getMinX() + env.getWidth() * r.nextDouble();
                }
                case 1 -> { // on or near a vertex
                    Coordinate v = vertices[r.nextInt(vertices.length)];
                    boolean on = r.nextBoolean();
                    lat = v.y + (on ? 0 : 1e-3 * r.nextGaussian());
                    lon = v.x + (on ? 0 : 1e-3 * r.nextGaussian());
                }
                default -> { // on a cell line
                    lat = Math.floor((env.getMinY() + env.getHeight() * r.nextDouble()) / CellRaster.CELL_DEG)
                        * CellRaster.CELL_DEG;
                    lon = Math.floor((env.getMinX() + env.getWidth() * r.nextDouble()) / CellRaster.CELL_DEG)
                        * CellRaster.CELL_DEG;
                }
            }
            if (lat < -90 || lat > 90 || lon < -180 || (lon > 180 && env.getMaxX() <= 180)) {
                continue; // not a point on Earth as the territory writes it
            }
            double queryLon = lon > 180 ? lon - 360 : lon; // Natural Earth unwraps rings beyond 180°
            Coordinate c = new Coordinate(lon, lat);
            assertThat(t.onLand(lat, queryLon)).as("onLand %s %f %f", code, lat, lon)
                .isEqualTo(onLand.locate(c) != Location.EXTERIOR);
            assertThat(t.inShell(lat, queryLon)).as("inShell %s %f %f", code, lat, lon)
                .isEqualTo(inShell.locate(c) != Location.EXTERIOR);
            if (t.cells().state(lat, lon) != CellRaster.CROSSED) {
                whole++;
            }
        }
        assertThat(whole).as("points answered from whole cells").isGreaterThan(1_000);
    }

    @Test
    void theCommittedCellFilesAreWhatTheBoundaryFilesGive() {
        for (String dataset : BorderlineData.DATASETS) {
            Dataset ds = TestData.get().dataset(dataset);
            Map<String, CellRaster> stored = CellFile.read(TestData.DIR.resolve("boundaries/" + dataset + ".cells"));
            assertThat(stored.keySet()).hasSize(ds.countries().size());
            for (String code : new String[] {"RUS", "LSO", "ITA", "FJI", "NOR"}) {
                CellRaster fresh = CellRaster.of(ds.territory(CountryCode.parse(code).orElseThrow()).geometry());
                CellRaster s = stored.get(code);
                assertThat(s.cells()).as("%s %s", dataset, code).isEqualTo(fresh.cells());
                assertThat(new int[] {s.col0(), s.row0(), s.cols(), s.rows()})
                    .isEqualTo(new int[] {fresh.col0(), fresh.row0(), fresh.cols(), fresh.rows()});
            }
        }
    }

    @Test
    void aPointInAWholeCellDoesNotDecodeItsNeighbours() {
        // Minsk: Russia's bounding box holds it, its cell is wholly outside Russia
        Dataset ds = BorderlineData.load(TestData.DIR).dataset("osm10m");
        Territory rus = ds.territory(CountryCode.parse("RUS").orElseThrow());
        assertThat(ds.statesContaining(53.9, 27.56)).extracting(CountryCode::code).containsExactly("BLR");
        assertThat(rus.loaded()).isFalse();
    }

    private static Geometry shells(Geometry land) {
        Polygon[] shells = new Polygon[land.getNumGeometries()];
        for (int k = 0; k < shells.length; k++) {
            shells[k] = land.getFactory().createPolygon(((Polygon) land.getGeometryN(k)).getExteriorRing()
                .getCoordinateSequence());
        }
        return land.getFactory().createMultiPolygon(shells);
    }
}

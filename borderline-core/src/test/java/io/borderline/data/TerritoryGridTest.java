package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Which states hold this point", asked of a cell's candidates only, answers exactly as asking every territory
 * of the dataset: at random points over the whole Earth (antimeridian and poles included), on the half-degree
 * cell lines, and near boundary vertices of the territories that overlap (Crimea) or wrap (Russia, Fiji).
 */
class TerritoryGridTest {
    @ParameterizedTest
    @ValueSource(strings = {"osm10m", "ne10m"})
    void candidatesAnswerAsEveryTerritory(String dataset) {
        Dataset ds = TestData.get().dataset(dataset);
        Random r = new Random(11);
        List<Territory> all = ds.countries().stream().map(ds::territory).toList();
        int inAny = 0;
        int overlaps = 0;
        for (int i = 0; i < 40_000; i++) {
            double lat;
            double lon;
            switch (i % 4) {
                case 0 -> { // uniform on the sphere
                    lat = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
                    lon = -180 + 360 * r.nextDouble();
                }
                case 1 -> { // on a cell line; or a hair from one west of -169°, where unwrapped data rounds lon + 360
                    lat = Math.floor((-90 + 180 * r.nextDouble()) / CellRaster.CELL_DEG) * CellRaster.CELL_DEG;
                    lon = Math.floor((-180 + 360 * r.nextDouble()) / CellRaster.CELL_DEG) * CellRaster.CELL_DEG;
                    if (r.nextBoolean()) {
                        lat = r.nextBoolean() ? 64 + 8 * r.nextDouble() : -21 + 6 * r.nextDouble();
                        lon = -180 + CellRaster.CELL_DEG * r.nextInt(23) + (r.nextBoolean() ? 1e-14 : -1e-14);
                    }
                }
                case 2 -> { // the antimeridian, the poles
                    lat = r.nextBoolean() ? -90 + 180 * r.nextDouble() : (r.nextBoolean() ? 90 : -90) * r.nextDouble();
                    lon = r.nextBoolean() ? (r.nextBoolean() ? 180 : -180) - Math.signum(r.nextGaussian()) * 1e-9
                        : -180 + 360 * r.nextDouble();
                }
                default -> { // Europe, Crimea, Fiji, Chukotka
                    double[][] boxes = {{44, 46.5, 32, 37}, {-20, -15, 176, 180}, {-20, -15, -180, -178},
                        {62, 70, 170, 180}, {45, 65, 15, 45}};
                    double[] b = boxes[r.nextInt(boxes.length)];
                    lat = b[0] + (b[1] - b[0]) * r.nextDouble();
                    lon = b[2] + (b[3] - b[2]) * r.nextDouble();
                }
            }
            List<CountryCode> expected = everyTerritory(all, lat, lon);
            assertThat(ds.statesContaining(lat, lon)).as("%s %.9f %.9f", dataset, lat, lon).isEqualTo(expected);
            inAny += expected.isEmpty() ? 0 : 1;
            overlaps += expected.size() > 1 ? 1 : 0;
        }
        assertThat(inAny).as("points inside some state").isGreaterThan(5_000);
        if (dataset.equals("osm10m")) {
            assertThat(overlaps).as("points in two states (Crimea)").isPositive();
        }
    }

    /** The definition, over every territory: on its land, or in its shell and on no other state's land. */
    private static List<CountryCode> everyTerritory(List<Territory> all, double lat, double lon) {
        List<CountryCode> out = new ArrayList<>();
        for (Territory t : all) {
            if (!t.code().isState() || !t.mayContain(lat, lon)) {
                continue;
            }
            boolean in = t.onLand(lat, lon);
            if (!in && t.inShell(lat, lon)) {
                in = all.stream().noneMatch(o -> !o.code().sameStateAs(t.code()) && o.mayContain(lat, lon)
                    && o.onLand(lat, lon));
            }
            if (in) {
                out.add(t.code());
            }
        }
        return out;
    }
}

package io.borderline.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.Territory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmarks' fast reference gives the accuracy test's brute-force answer. */
class ReferenceDistanceTest {

    @ParameterizedTest(name = "{0} {1}: {2} points")
    @CsvSource({"ne10m, BLR, 200", "osm10m, BLR, 40", "ne10m, RUS, 40"})
    void sameAsBruteForce(String dataset, String code, int points) {
        Territory t = TestData.get().dataset(dataset).territory(CountryCode.parse(code).orElseThrow());
        BruteForce brute = new BruteForce(t.land());
        ReferenceDistance fast = new ReferenceDistance(t.land());
        assertThat(fast.size()).isEqualTo(brute.size());
        Random r = new Random(20250124);
        for (int i = 0; i < points; i++) {
            double lat = 45 + 20 * r.nextDouble();
            double lon = 15 + 30 * r.nextDouble();
            assertThat(fast.distance(lat, lon)).as("%.5f %.5f", lat, lon)
                .isCloseTo(brute.distance(lat, lon), org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}

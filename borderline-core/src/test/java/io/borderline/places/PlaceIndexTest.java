package io.borderline.places;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.Place;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The population-order path for large candidate blocks gives exactly what the block scan gives. */
class PlaceIndexTest {
    private static final List<Place> PLACES = TestData.get().places();
    private static final PlaceIndex BLOCK_SCAN = new PlaceIndex(PLACES, Integer.MAX_VALUE);
    private static final PlaceIndex POPULATION_SCAN = new PlaceIndex(PLACES, 0);

    @ParameterizedTest
    @ValueSource(strings = {"a", "s", "k", "no", "novo", "nowa", "gora", "velikiye l", "ust", "vilnius", "narva",
        "narva joe", "sankt", "x", "qqq", "ra", "r", "pol", "d"})
    void bothPathsAgree(String q) {
        for (int limit : new int[] {1, 10, 100}) {
            assertThat(POPULATION_SCAN.search(q, null, limit)).as(q + " " + limit)
                .isEqualTo(BLOCK_SCAN.search(q, null, limit));
            assertThat(POPULATION_SCAN.search(q, "UA", limit)).as(q + " UA " + limit)
                .isEqualTo(BLOCK_SCAN.search(q, "UA", limit));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {593116, 460413, 590030, 776069})
    void findsByGeonamesId(long id) {
        assertThat(BLOCK_SCAN.byGeonamesId(id).geonamesId()).isEqualTo(id);
        assertThat(BLOCK_SCAN.byGeonamesId(-id)).isNull();
    }
}

package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.SegmentIndex;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * The border answered from the territory's nearest boundary point is the border's own nearest point: on the
 * shared segments (where the shortcut applies), off them (rivers, lakes, territorial-sea lines) and at random.
 */
class BorderIndexTest {
    @ParameterizedTest
    @CsvSource({
        "osm10m, BLR, political", "osm10m, EST, political", "osm10m, EST, land", "osm10m, FIN, political",
        "osm10m, RUS-KGD, political", "osm10m, NOR, land", "ne10m, BLR, political", "ne10m, UKR, land",
        "ne10m, RUS, political"})
    void answersAsTheWholeBorderDoes(String dataset, String code, String lineId) {
        Dataset ds = TestData.get().dataset(dataset);
        CountryCode c = CountryCode.parse(code).orElseThrow();
        BorderLine line = BorderLine.parse(lineId).orElseThrow();
        BorderIndex borders = ds.borders(c, line);
        SegmentIndex boundary = ds.territory(c).boundary();
        int[] shared = boundary.sourcesIn(borders.segments());
        Coordinate[] borderVertices = ds.borders().stream().filter(b -> b.bounds(c))
            .flatMap(b -> java.util.Arrays.stream(b.line().getCoordinates())).toArray(Coordinate[]::new);
        var env = ds.territory(c).envelope();
        Random r = new Random(7);
        int viaShared = 0;
        int unsharedNearer = 0;
        for (int i = 0; i < 4_000; i++) {
            double lat;
            double lon;
            if (i % 2 == 0) {
                lat = Math.max(-89, Math.min(89, env.getMinY() - 2 + (env.getHeight() + 4) * r.nextDouble()));
                lon = env.getMinX() - 2 + (env.getWidth() + 4) * r.nextDouble();
            } else { // near the border, where its shared and unshared parts compete
                Coordinate v = borderVertices[r.nextInt(borderVertices.length)];
                double spread = i % 4 == 1 ? 0.002 : 0.05;
                lat = v.y + spread * r.nextGaussian();
                lon = v.x + spread * r.nextGaussian();
            }
            NearestPoint n = boundary.nearest(lat, lon);
            BorderIndex.Hit hit = borders.nearest(lat, lon, n);
            BorderIndex.Hit whole = borders.nearest(lat, lon);
            assertThat(hit.point().distanceM()).as("%s %s at %f %f", dataset, code, lat, lon)
                .isCloseTo(whole.point().distanceM(), org.assertj.core.data.Offset.offset(1e-6));
            if (shared[n.segment()] >= 0) {
                viaShared++;
                if (hit.point() != n) {
                    unsharedNearer++;
                }
            }
        }
        // the shortcut is exercised, not bypassed
        assertThat(viaShared).as("queries answered from the boundary's nearest segment").isGreaterThan(400);
        System.out.printf("%s %s %s: %d of 4000 via a shared segment, %d of them nearer an unshared one%n",
            dataset, code, lineId, viaShared, unsharedNearer);
    }

    @org.junit.jupiter.api.Test
    void aTieAtAJunctionNamesTheUnsharedPart() {
        // Daugavpils: the nearest point of Belarus's border is the vertex where the BLR-LVA land border meets the river
        Dataset ds = TestData.get().dataset("osm10m");
        BorderIndex borders = ds.borders(CountryCode.BLR, BorderLine.POLITICAL);
        double lat = 55.88333;
        double lon = 26.53333;
        BorderIndex.Hit hit = borders.nearest(lat, lon, ds.territory(CountryCode.BLR).boundary().nearest(lat, lon));
        assertThat(hit.point().distanceM()).isCloseTo(borders.nearest(lat, lon).point().distanceM(),
            org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Dataset.segmentKind(hit.source())).isEqualTo("water");
    }
}

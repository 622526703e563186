package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import io.borderline.geodesy.LongitudeSpan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A territory split at the antimeridian (Fiji: islands on both sides of 180°, stored as parts in
 * [-180, 180] per RFC 7946): its coverage is right on both sides of the cut. Before the first guess
 * was centred on the source's longitude span, it was centred near Greenwich, at Fiji's antipode,
 * and the outline was torn.
 */
class AntimeridianSourceTest {
    private static final Dataset NE = TestData.get().dataset("ne10m");

    @Test
    void fijisSpanIsTheArcAcross180NotTheWholeWorld() {
        LongitudeSpan span = LongitudeSpan.of(NE.territory(CountryCode.parse("FJI").orElseThrow()).land());
        assertThat(span.widthDeg()).isLessThan(10);
        assertThat(Math.abs(Math.abs(span.centre()) - 180)).isLessThan(5);
    }

    @Test
    void fijiAt30KmIsRightOnBothSidesOf180() {
        Geometry land = NE.territory(CountryCode.parse("FJI").orElseThrow()).land();
        double r = 30_000;
        Source source = Sources.countries(NE, List.of(CountryCode.parse("FJI").orElseThrow()), 0);
        Coverage c = new GeodesicBuffer(BoundaryFile.FACTORY).compute(source, r);
        Geometry g = c.geometry();
        Envelope e = g.getEnvelopeInternal();
        assertThat(g.isValid()).isTrue();
        assertThat(e.getMinX()).isGreaterThanOrEqualTo(-180);
        assertThat(e.getMaxX()).isLessThanOrEqualTo(180);
        assertThat(e.getWidth()).as("parts on both sides of 180°").isGreaterThan(350);

        // every grid point over the islands, on both sides of 180°, against a brute force that shares no code
        BruteForce reference = new BruteForce(land);
        IndexedPointInAreaLocator inLand = new IndexedPointInAreaLocator(land);
        IndexedPointInAreaLocator inCover = new IndexedPointInAreaLocator(g);
        double tol = c.toleranceM();
        int positive = 0;
        int negative = 0;
        int checked = 0;
        for (double lat = -21.5; lat <= -12.5; lat += 0.25) {
            for (double x = 176; x <= 182.01; x += 0.25) {
                double lon = x > 180 ? x - 360 : x;
                Coordinate p = new Coordinate(lon, lat);
                boolean covered = inCover.locate(p) != Location.EXTERIOR;
                double d = inLand.locate(p) != Location.EXTERIOR ? 0 : reference.distance(lat, lon);
                if (d < r - tol) {
                    assertThat(covered).as("%.2f,%.2f is %.0f m from Fiji", lat, lon, d).isTrue();
                    checked++;
                    if (lon < 0) {
                        negative++;
                    } else {
                        positive++;
                    }
                } else if (d > r + tol) {
                    assertThat(covered).as("%.2f,%.2f is %.0f m from Fiji", lat, lon, d).isFalse();
                    checked++;
                }
            }
        }
        assertThat(positive).as("covered grid points at longitudes up to 180°").isGreaterThan(20);
        assertThat(negative).as("covered grid points past 180° (negative longitudes)").isGreaterThan(20);
        assertThat(checked).isGreaterThan(600);
    }
}

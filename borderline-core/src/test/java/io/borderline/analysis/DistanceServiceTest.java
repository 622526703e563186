package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.BorderLine;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Site;
import org.junit.jupiter.api.Test;

/**
 * Distances on the real data against independently published figures and the data's own
 * properties; bounds are generous where the published figure is itself rounded.
 */
class DistanceServiceTest {
    private final DistanceService service = new DistanceService();
    private final Dataset osm = TestData.get().dataset("osm10m");
    private final Dataset ne = TestData.get().dataset("ne10m");

    private CountryDistance from(Dataset ds, String site, CountryCode to) {
        Site s = TestData.get().sites().get(site);
        return service.toCountry(ds, s.lat(), s.lon(), to);
    }

    @Test
    void vilniusIsAboutThirtyKilometresFromBelarus() {
        CountryDistance d = from(osm, "vilnius", CountryCode.BLR);
        assertThat(d.inside()).isFalse();
        assertThat(d.inStates()).containsExactly("LTU");
        // Published: "about 30 km" (Reuters); the nearest Belarusian land lies east-south-east.
        assertThat(d.distanceM()).isBetween(25_000.0, 40_000.0);
        assertThat(d.bearingDeg()).isBetween(60.0, 150.0);
        assertThat(d.border().borderId()).isEqualTo("BLR-LTU");
        assertThat(d.border().segmentKind()).isEqualTo("land");
    }

    @Test
    void theBorderSaysWhetherItsNearestPointIsOnLandOrInWater() {
        assertThat(from(osm, "narva", CountryCode.RUS).border().segmentKind()).isEqualTo("water"); // the river
        // from Tallinn the nearest Estonian-Russian border is where the territorial seas meet, at sea
        CountryDistance tallinn = from(osm, "tallinn", CountryCode.EST);
        assertThat(tallinn.inside()).isTrue();
        assertThat(tallinn.border().borderId()).isEqualTo("EST-RUS");
        assertThat(tallinn.border().segmentKind()).isEqualTo("sea");
        assertThat(from(ne, "narva", CountryCode.RUS).border().segmentKind()).isNull(); // NE does not tell
    }

    @Test
    void theLandBorderLeavesOutTheLinesAtSea() {
        // Tallinn: the political line's nearest point is at sea; the land line's is the Narva river or
        // Lake Peipus (inland water) or on land, and farther away
        Site s = TestData.get().sites().get("tallinn");
        CountryDistance political = service.toCountry(osm, s.lat(), s.lon(), CountryCode.EST, BorderLine.POLITICAL);
        CountryDistance land = service.toCountry(osm, s.lat(), s.lon(), CountryCode.EST, BorderLine.LAND);
        assertThat(political.border().borderLine()).isEqualTo("political");
        assertThat(land.border().borderLine()).isEqualTo("land");
        assertThat(land.border().segmentKind()).isIn("land", "water");
        assertThat(land.border().distanceM()).isGreaterThan(political.border().distanceM());
        // its distance is the minimum over the land and inland-water parts only
        double expected = Double.POSITIVE_INFINITY;
        for (var b : osm.borders()) {
            if (b.bounds(CountryCode.EST)) {
                for (var g : new org.locationtech.jts.geom.Geometry[] {b.landPart(), b.waterPart()}) {
                    if (g != null) {
                        expected = Math.min(expected, new io.borderline.geodesy.BruteForce(g).distance(s.lat(), s.lon()));
                    }
                }
            }
        }
        assertThat(Math.abs(land.border().distanceM() - expected)).isLessThan(1.0);
    }

    @Test
    void helsinkiWithTheLandBorderFindsTheFinlandRussiaLandBorder() {
        // Natural Earth draws Finland (the world); its borders are land boundaries
        CountryDistance d = service.toCountry(ne, 60.1699, 24.9384, CountryCode.RUS, BorderLine.LAND);
        assertThat(d.inStates()).containsExactly("FIN");
        assertThat(d.border().borderId()).isEqualTo("FIN-RUS");
        assertThat(d.border().distanceM()).isBetween(150_000.0, 250_000.0);
    }

    @Test
    void narvaIsWithinAFewKilometresOfRussiaAndItsNearestBorderIsTheRiver() {
        CountryDistance d = from(osm, "narva", CountryCode.RUS);
        assertThat(d.inside()).isFalse();
        assertThat(d.inStates()).containsExactly("EST");
        assertThat(d.distanceM()).isLessThan(3_000);
        assertThat(d.border().borderId()).isEqualTo("EST-RUS");
        // the political boundary runs in the river, so it is nearer than Russian land
        assertThat(d.border().distanceM()).isLessThanOrEqualTo(d.distanceM());
    }

    @Test
    void insideAPointHasZeroDistanceAndADistanceToTheBorder() {
        CountryDistance d = from(osm, "minsk", CountryCode.BLR);
        assertThat(d.inside()).isTrue();
        assertThat(d.distanceM()).isZero();
        assertThat(d.nearestPoint()).isNull();
        assertThat(d.border().distanceM()).isBetween(100_000.0, 250_000.0);
    }

    @Test
    void kaliningradBelongsToRussiaAndToTheExclave() {
        assertThat(from(osm, "kaliningrad", CountryCode.RUS_KGD).inside()).isTrue();
        assertThat(from(osm, "kaliningrad", CountryCode.RUS).inside()).isTrue();
        assertThat(from(osm, "moscow", CountryCode.RUS_KGD).inside()).isFalse();
    }

    @Test
    void suwalkiGapBetweenBelarusAndKaliningradIsAboutSixtyFiveKilometres() {
        PairDistance d = service.between(osm, CountryCode.BLR, CountryCode.RUS_KGD);
        // Published: about 65 km (the Suwałki gap's narrowest width).
        assertThat(d.distanceM()).isBetween(60_000.0, 70_000.0);
        double check = io.borderline.geodesy.Wgs84.GEODESIC.Inverse(d.pointA().lat(), d.pointA().lon(),
            d.pointB().lat(), d.pointB().lon()).s12;
        assertThat(Math.abs(check - d.distanceM())).isLessThan(0.05); // published values are rounded to 1e-7 degrees
        assertThat(osm.inside(CountryCode.BLR, d.pointA().lat(), d.pointA().lon())).isTrue();
    }

    @Test
    void neighboursTouch() {
        assertThat(service.between(osm, CountryCode.BLR, CountryCode.LTU).distanceM()).isZero();
        assertThat(service.between(ne, CountryCode.POL, CountryCode.UKR).distanceM()).isZero();
    }

    @Test
    void crimeaIsInBothRussiaAndUkraineInOsmButOnlyRussiaInNaturalEarth() {
        double lat = 44.9521;
        double lon = 34.1024; // Simferopol
        assertThat(osm.statesContaining(lat, lon)).containsExactlyInAnyOrder(CountryCode.RUS, CountryCode.UKR);
        assertThat(ne.statesContaining(lat, lon)).containsExactly(CountryCode.RUS);
    }

    @Test
    void aLakeEnclosedByACountryIsInsideIt() {
        // Lake Ladoga, open water between Russia's shores: a hole of the land polygon
        double lat = 60.85;
        double lon = 31.5;
        assertThat(osm.territory(CountryCode.RUS).onLand(lat, lon)).isFalse();
        assertThat(osm.inside(CountryCode.RUS, lat, lon)).isTrue();
    }
}

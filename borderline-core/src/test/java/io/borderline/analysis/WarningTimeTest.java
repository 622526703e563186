package io.borderline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.borderline.TestData;
import io.borderline.data.CountryCode;
import io.borderline.data.DroneClass;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** Warning time is distance over published speed, for exactly the classes whose range reaches. */
class WarningTimeTest {
    private final Collection<DroneClass> catalogue = TestData.get().drones().values();

    @Test
    void minutesAreDistanceOverSpeedForEveryReachingClass() {
        double distanceM = 29_057;
        WarningTime.Answer a = WarningTime.compute(distanceM, catalogue);
        assertThat(a.basis()).isEqualTo("straight_line_lower_bound");
        for (DroneClass d : catalogue) {
            boolean reaches = d.rangeKm() * 1000 >= distanceM;
            assertThat(a.classes().stream().anyMatch(c -> c.drone().equals(d.id()))).as(d.id()).isEqualTo(reaches);
            assertThat(a.outOfRange().contains(d.id())).isEqualTo(!reaches);
        }
        WarningTime.ClassTime shahed = a.classes().stream().filter(c -> c.drone().equals("shahed-136")).findFirst()
            .orElseThrow();
        // 29.057 km at 170 km/h = 0.17092 h = 10.26 min; at 190 km/h = 9.18 min
        assertThat(shahed.atCruiseMin()).isCloseTo(10.3, within(1e-9));
        assertThat(shahed.atMaxSpeedMin()).isCloseTo(9.2, within(1e-9));
        WarningTime.ClassTime fpv = a.classes().stream().filter(c -> c.drone().equals("orlan-10")).findFirst()
            .orElseThrow();
        assertThat(fpv.atCruiseMin()).as("unknown speed, no time").isNull();
        assertThat(a.outOfRange()).contains("fpv");
        assertThat(a.shortestMin()).isEqualTo(a.classes().stream()
            .flatMap(c -> java.util.stream.Stream.of(c.atCruiseMin(), c.atMaxSpeedMin()))
            .filter(java.util.Objects::nonNull).min(Double::compare).orElseThrow());
    }

    @Test
    void vilniusFromBelarusAtShahedSpeedsUsesTheMeasuredDistance() {
        var data = TestData.get();
        var vilnius = data.sites().get("vilnius");
        CountryDistance d = new DistanceService().toCountry(data.dataset("osm10m"), vilnius.lat(), vilnius.lon(),
            CountryCode.parse("BLR").orElseThrow());
        WarningTime.Answer a = WarningTime.compute(d.distanceM(), data.drones().values());
        var shahed = a.classes().stream().filter(c -> c.drone().equals("shahed-136")).findFirst().orElseThrow();
        double km = net.sf.geographiclib.Geodesic.WGS84.Inverse(vilnius.lat(), vilnius.lon(),
            d.nearestPoint().lat(), d.nearestPoint().lon()).s12 / 1000;
        assertThat(shahed.atCruiseMin()).isCloseTo(km / 170 * 60, within(0.051));
        assertThat(shahed.atMaxSpeedMin()).isCloseTo(km / 190 * 60, within(0.051));
        assertThat(shahed.atMaxSpeedMin()).isLessThan(shahed.atCruiseMin());
    }

    @Test
    void minutesAndDistanceAreInverse() {
        assertThat(WarningTime.distanceM(WarningTime.minutes(123_456, 185), 185)).isCloseTo(123_456, within(1e-6));
        assertThat(WarningTime.distanceM(30, 120)).isEqualTo(60_000);
    }
}

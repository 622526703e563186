package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every speed of the drone catalogue is a figure its cited source quotes; unknown speeds stay unknown. */
class DroneSpeedCitationTest {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The passages between double quotes of a citation. */
    private static List<String> quotes(String citation) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(citation);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean quoted(String citation, double kmh) {
        String figure = Long.toString(Math.round(kmh));
        return quotes(citation).stream().anyMatch(q -> q.matches("(?s).*(^|[^0-9.,])" + figure + "([^0-9].*|$)"));
    }

    @Test
    void everySpeedAppearsInItsQuotedSourceText() {
        int speeds = 0;
        for (DroneClass d : TestData.get().drones().values()) {
            if (d.cruiseSpeedKmh() != null) {
                assertThat(quoted(d.cruiseSpeedSource(), d.cruiseSpeedKmh())).as(d.id() + " cruise").isTrue();
                assertThat(d.cruiseSpeedUrl()).startsWith("https://");
                speeds++;
            } else {
                assertThat(d.cruiseSpeedSource()).as(d.id() + " cruise source without a figure").isNull();
            }
            if (d.maxSpeedKmh() != null) {
                assertThat(quoted(d.maxSpeedSource(), d.maxSpeedKmh())).as(d.id() + " max").isTrue();
                assertThat(d.maxSpeedUrl()).startsWith("https://");
                speeds++;
            }
            if (d.cruiseSpeedKmh() != null && d.maxSpeedKmh() != null) {
                assertThat(d.maxSpeedKmh()).isGreaterThanOrEqualTo(d.cruiseSpeedKmh());
            }
        }
        assertThat(speeds).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCitedFiguresAreTheOnesInTheCatalogue() {
        var drones = TestData.get().drones();
        // the figures read off the cited publications (see data/SOURCES.md and the rows' quotes)
        assertThat(drones.get("shahed-136").cruiseSpeedKmh()).isEqualTo(170);
        assertThat(drones.get("shahed-136").maxSpeedKmh()).isEqualTo(190);
        assertThat(drones.get("lancet").cruiseSpeedKmh()).isEqualTo(110);
        assertThat(drones.get("lancet").maxSpeedKmh()).isEqualTo(300);
        assertThat(drones.get("gerbera").maxSpeedKmh()).isEqualTo(160);
        assertThat(drones.get("fpv").cruiseSpeedKmh()).as("no citable figure: unknown, not guessed").isNull();
        assertThat(drones.get("orlan-10").maxSpeedKmh()).as("no citable figure: unknown, not guessed").isNull();
    }

    @TempDir
    Path dir;

    @Test
    void aSpeedItsQuoteDoesNotContainStopsStartUp() throws IOException {
        TestData.copyInto(dir);
        Path f = dir.resolve("drones.csv");
        String csv = Files.readString(f, StandardCharsets.UTF_8).replace(",160,", ",165,");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        List<String> rels = Files.readAllLines(dir.resolve(Manifest.FILE_NAME)).stream()
            .filter(l -> !l.isBlank()).map(l -> l.split("\\s+", 2)[1]).toList();
        Manifest.write(dir, rels);
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("drones.csv").hasMessageContaining("max_speed_source").hasMessageContaining("165");
    }
}

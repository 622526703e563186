package io.borderline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderline.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing or corrupt data stops start-up with a message naming the file and the problem. */
class StartupValidationTest {
    @TempDir
    Path dir;

    private void copyData() throws IOException {
        TestData.copyInto(dir);
    }

    private void refreshManifest() throws IOException {
        List<String> rels = Files.readAllLines(dir.resolve(Manifest.FILE_NAME)).stream()
            .filter(l -> !l.isBlank()).map(l -> l.split("\\s+", 2)[1]).toList();
        Manifest.write(dir, rels);
    }

    @Test
    void missingBoundaryFileIsNamed() throws IOException {
        copyData();
        Files.delete(dir.resolve("boundaries/ne10m.bin.gz"));
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin.gz").hasMessageContaining("missing");
    }

    @Test
    void missingManifestIsNamed() throws IOException {
        copyData();
        Files.delete(dir.resolve(Manifest.FILE_NAME));
        assertThatThrownBy(() -> BorderlineData.load(dir)).hasMessageContaining(Manifest.FILE_NAME)
            .hasMessageContaining("missing");
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        copyData();
        Path f = dir.resolve("boundaries/osm10m.bin.gz");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x5a;
        Files.write(f, b);
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("osm10m.bin.gz").hasMessageContaining("checksum");
    }

    @Test
    void truncatedBoundaryFileIsReportedEvenWithAMatchingChecksum() throws IOException {
        copyData();
        Path f = dir.resolve("boundaries/ne10m.bin.gz");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 3));
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin.gz").hasMessageMatching(".*(truncated|corrupt).*");
    }

    @Test
    void unknownCountryInSitesNamesFileLineAndColumn() throws IOException {
        copyData();
        Path f = dir.resolve("sites.csv");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replaceFirst(",LTU,", ",XXX,"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("sites.csv").hasMessageContaining("line 2").hasMessageContaining("XXX");
    }

    @Test
    void claimOfUnknownSiteIsRefused() throws IOException {
        copyData();
        Path f = dir.resolve("claims.csv");
        String s = Files.readString(f).replaceFirst(",vilnius,", ",atlantis,");
        Files.writeString(f, s);
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).hasMessageContaining("claims.csv")
            .hasMessageContaining("atlantis");
    }

    @Test
    void outOfRangeLatitudeIsRefused() throws IOException {
        copyData();
        Path f = dir.resolve("sites.csv");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String[] cells = lines.get(1).split(",");
        cells[4] = "95.0";
        lines.set(1, String.join(",", cells));
        Files.write(f, lines, StandardCharsets.UTF_8);
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).hasMessageContaining("sites.csv")
            .hasMessageContaining("lat").hasMessageContaining("95.0");
    }

    @Test
    void brokenGeometryIsRefusedNamingFileAndCountry() throws IOException {
        copyData();
        Path f = dir.resolve("boundaries/ne10m.bin.gz");
        List<FeatureRecord> records = new java.util.ArrayList<>(BoundaryFile.read(f));
        for (int i = 0; i < records.size(); i++) {
            FeatureRecord r = records.get(i);
            if (r.id().equals("LTU") && r.kind().equals(FeatureRecord.COUNTRY)) {
                org.locationtech.jts.geom.Geometry moved = r.geometry().copy();
                moved.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += 100);
                records.set(i, new FeatureRecord(r.kind(), r.id(), r.properties(), moved));
            }
        }
        BoundaryFile.write(f, records);
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin.gz").hasMessageContaining("LTU").hasMessageContaining("outside");
    }

    @Test
    void committedGeometriesAreValidPerJts() {
        for (Dataset ds : TestData.get().datasets().values()) {
            for (CountryCode c : CountryCode.values()) {
                org.locationtech.jts.operation.valid.IsValidOp op =
                    new org.locationtech.jts.operation.valid.IsValidOp(ds.territory(c).land());
                assertThat(op.getValidationError()).as(ds.id() + " " + c.code()).isNull();
            }
        }
    }

    @Test
    void committedDataLoads() {
        BorderlineData d = TestData.get();
        assertThat(d.datasets()).containsKeys("osm10m", "ne10m");
        assertThat(d.claims()).hasSize(3);
        assertThat(d.sites()).containsKeys("vilnius", "daugavpils", "narva", "hantsavichy-radar");
    }
}

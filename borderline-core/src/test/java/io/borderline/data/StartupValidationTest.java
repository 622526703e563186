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
        Files.delete(dir.resolve("boundaries/ne10m.bin"));
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin").hasMessageContaining("missing");
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
        Path f = dir.resolve("boundaries/osm10m.bin");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x5a;
        Files.write(f, b);
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("osm10m.bin").hasMessageContaining("checksum");
    }

    @Test
    void truncatedBoundaryFileIsReportedEvenWithAMatchingChecksum() throws IOException {
        copyData();
        Path f = dir.resolve("boundaries/ne10m.bin");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 3));
        refreshManifest();
        assertThatThrownBy(() -> BorderlineData.load(dir)).isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin").hasMessageMatching(".*(truncated|corrupt).*");
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
        Path f = dir.resolve("boundaries/ne10m.bin");
        List<FeatureRecord> records = new java.util.ArrayList<>(BoundaryFile.read(f));
        for (int i = 0; i < records.size(); i++) {
            FeatureRecord r = records.get(i);
            if (r.id().equals("LTU") && r.kind().equals(FeatureRecord.COUNTRY)) {
                org.locationtech.jts.geom.Geometry moved = BoundaryFile.FACTORY.createGeometry(r.geometry());
                moved.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.y += 100);
                records.set(i, new FeatureRecord(r.kind(), r.id(), r.properties(), moved));
            }
        }
        BoundaryFile.write(f, records);
        refreshManifest();
        // geometries decode on first use, so the check runs when the territory is first needed
        BorderlineData loaded = BorderlineData.load(dir);
        assertThatThrownBy(() -> loaded.dataset("ne10m").territory(CountryCode.LTU).land())
            .isInstanceOf(DataFileException.class)
            .hasMessageContaining("ne10m.bin").hasMessageContaining("LTU").hasMessageContaining("off the globe");
    }

    @Test
    void committedGeometriesAreValidPerJts() {
        // the region the claims are about (the build enforces validity for every country it writes)
        List<CountryCode> region = List.of(CountryCode.BLR, CountryCode.EST, CountryCode.LTU, CountryCode.LVA,
            CountryCode.POL, CountryCode.RUS_KGD, CountryCode.UKR);
        for (Dataset ds : TestData.get().datasets().values()) {
            for (CountryCode c : region) {
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
        // the world: Natural Earth draws every country and territory, the names come from countries.csv
        assertThat(d.dataset("ne10m").countries()).hasSizeGreaterThan(240);
        assertThat(CountryCode.parse("FIN").orElseThrow().nameLocal()).isEqualTo("Suomi");
        assertThat(CountryCode.parse("kor").orElseThrow().iso2()).isEqualTo("KR");
        // only the derived part is not a state (an empty part_of cell once made every loaded country a part)
        assertThat(CountryCode.values().stream().filter(c -> !c.isState()).map(CountryCode::code))
            .containsExactly("RUS-KGD");
        assertThat(CountryCode.parse("CZE").orElseThrow().partOf()).isEmpty();
        assertThat(CountryCode.parse("ATA").orElseThrow().isoNumeric()).isNotEmpty();
        assertThat(d.claims()).hasSize(3);
        assertThat(d.sites()).containsKeys("vilnius", "daugavpils", "narva", "hantsavichy-radar");
    }
}

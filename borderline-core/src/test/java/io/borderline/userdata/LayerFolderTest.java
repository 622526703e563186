package io.borderline.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The layer folder: what becomes a layer, and what stops the start-up (naming the file). */
class LayerFolderTest {
    private static final GeometryFactory F = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50.5]]}";

    @Test
    void geoJsonFilesBecomeLayersNamedByTheirFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("front-2026-11-28.geojson"), LINE);
        Files.writeString(dir.resolve("zone.json"), UserTargetTest.AREA_WITH_HOLE);
        Files.writeString(dir.resolve("readme.txt"), "not a layer");
        UserLayers layers = LayerFolder.load(dir, F);
        assertThat(layers.all()).extracting(UserLayer::name).containsExactly("front-2026-11-28", "zone");
        UserLayer zone = layers.get("zone").orElseThrow();
        assertThat(zone.collectionId()).isEqualTo("layer-zone");
        assertThat(zone.target().hasAreas()).isTrue();
        assertThat(zone.fileSha256()).hasSize(64);
        assertThat(UserLayers.reference("layer:zone")).contains("zone");
        assertThat(UserLayers.reference("BLR")).isEmpty();
    }

    @Test
    void aBadFileStopsTheLoadNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.geojson"), "{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,95]]}");
        assertThatThrownBy(() -> LayerFolder.load(dir, F)).isInstanceOf(LayerFolder.LayerException.class)
            .hasMessageContaining("broken.geojson").hasMessageContaining("latitude 95");
    }

    @Test
    void namesMustBeUrlSafeAndUnique(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("front line.geojson"), LINE);
        assertThatThrownBy(() -> LayerFolder.load(dir, F)).hasMessageContaining("front line.geojson");
        Files.delete(dir.resolve("front line.geojson"));
        Files.writeString(dir.resolve("a.geojson"), LINE);
        Files.writeString(dir.resolve("a.json"), LINE);
        assertThatThrownBy(() -> LayerFolder.load(dir, F)).hasMessageContaining("already defines layer 'a'");
    }
}

package io.borderline.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.data.BoundaryFile;
import io.borderline.data.BorderlineData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * A computed layer's declared extent (what {@code /collections} says before the coverages exist) is known without
 * computing anything and holds every feature once they are computed.
 */
class LayerExtentTest {
    @Test
    void declaredExtentsComeFirstAndHoldTheFeatures() {
        BorderlineData data = TestData.get();
        CoverageService coverages = new CoverageService(data, BoundaryFile.FACTORY);
        Layers layers = new Layers(data, new ClaimChecker(data, new DistanceService()), coverages, BoundaryFile.FACTORY);
        String ds = BorderlineData.DEFAULT_DATASET;
        for (String id : new String[] {"claims", "coverage-blr", Layers.TIME_RINGS}) {
            assertThat(layers.get(id).extent()).as(id).isNotNull();
            layers.get(id).extent().apply(ds);
        }
        assertThat(coverages.cache().estimatedSize()).as("no coverage computed for the extents").isZero();
        for (String id : new String[] {"claims", "coverage-blr", Layers.TIME_RINGS}) {
            Envelope declared = layers.get(id).extent().apply(ds);
            int located = 0;
            for (Feature f : layers.get(id).features().apply(ds)) {
                if (f.located()) {
                    assertThat(declared.contains(f.envelope())).as("%s %s %s in %s", id, f.id(), f.envelope(), declared)
                        .isTrue();
                    located++;
                }
            }
            assertThat(located).as(id).isPositive();
        }
        assertThat(layers.get("countries").extent()).as("static layers: their features' envelope").isNull();
    }
}

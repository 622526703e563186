package io.borderline.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderline.TestData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.geodesy.BruteForce;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Regression for the outline where two shores face each other across a gap about 2R wide: Russia at 15 km in
 * Kandalaksha Bay (the White Sea), where the distance to the coast has a ridge along the middle of the bay within
 * the tolerance of R. A ring of the first guess that ran along the ridge kept vertices there (each within tolerance
 * by distance, but not on the outline), its chords between them cut up to 274 m into the covered water, and the
 * repair's noding of those chords against the open bay's outline left vertices up to 129.6 m inside R
 * (66.4499 N 34.1820 E) that no settle pass could remove. Every outline vertex around the bay is measured here with
 * the brute force over the full-resolution coast, not with the engine's own distance.
 */
class DistanceRidgeTest {
    private static final Dataset OSM = TestData.get().dataset("osm10m");

    @Test
    void everyVertexAroundKandalakshaBayIsWithinToleranceOfTheBruteForce() {
        double r = 15_000;
        double tol = GeodesicBuffer.toleranceM(r);
        Source s = Sources.countries(OSM, List.of(CountryCode.RUS), tol / 10);
        Coverage c = new GeodesicBuffer(BoundaryFile.FACTORY).compute(s, r);
        assertThat(c.geometry().isValid()).isTrue();
        Envelope bay = new Envelope(32.0, 36.0, 66.0, 67.3); // Kandalaksha Bay and the ridge along it
        // the coast within 50 km of the bay box: a vertex in the box is within R + tol of the coast, so its nearest
        // coast point lies in the wider box, and the clipped edges (beyond 50 km) cannot be nearer
        Envelope around = new Envelope(bay);
        around.expandBy(1.2, 0.5);
        BruteForce truth = new BruteForce(OSM.territory(CountryCode.RUS).land()
            .intersection(BoundaryFile.FACTORY.toGeometry(around)));
        int measured = 0;
        double worst = 0;
        Coordinate worstAt = null;
        for (Coordinate v : c.geometry().getCoordinates()) {
            if (!bay.contains(v)) {
                continue;
            }
            double off = Math.abs(truth.distance(v.y, v.x) - r);
            if (off > worst) {
                worst = off;
                worstAt = v;
            }
            measured++;
        }
        System.out.printf("Kandalaksha Bay at 15 km: %d vertices, worst %.1f m off R at %s (tolerance %.0f m)%n",
            measured, worst, worstAt, tol);
        assertThat(measured).isGreaterThan(500);
        assertThat(worst).as("worst vertex %s", worstAt).isLessThanOrEqualTo(tol);
    }
}

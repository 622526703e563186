package io.borderline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.borderline.data.BoundaryFile;
import io.borderline.geodesy.EllipsoidalMeasure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The enclave cut: a hole in the host exactly where the enclave is, measured, with the border it makes. */
class EnclaveCutTest {
    private static final GeometryFactory F = BoundaryFile.FACTORY;

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return F.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    @Test
    void anEnclaveDrawnWithoutItsHoleIsCutOutAndGetsItsBorder() {
        Map<String, Geometry> stored = new TreeMap<>();
        // host drawn whole over the enclave; the enclave's state has its mainland far away and the enclave part
        stored.put("HST", F.createMultiPolygon(new Polygon[] {box(10, 40, 12, 42)}));
        stored.put("ENC", F.createMultiPolygon(new Polygon[] {box(0, 40, 5, 45), box(10.5, 40.5, 11, 41)}));
        EnclaveCut.Enclave e = new EnclaveCut.Enclave("ENC", "HST", new Envelope(10.4, 11.1, 40.4, 41.1), "Enclave",
            "test");
        List<EnclaveCut.Cut> cuts = EnclaveCut.apply("t", stored, List.of(e), F);

        double enclaveKm2 = EllipsoidalMeasure.areaM2(box(10.5, 40.5, 11, 41)) / 1e6;
        assertEquals(enclaveKm2, cuts.get(0).removedKm2(), 1e-6 * enclaveKm2);
        Polygon host = (Polygon) stored.get("HST").getGeometryN(0);
        assertEquals(1, host.getNumInteriorRing(), "the host has a hole where the enclave is");
        assertTrue(stored.get("HST").intersection(box(10.5, 40.5, 11, 41)).getArea() < 1e-12);
        double ringM = EllipsoidalMeasure.lengthM(box(10.5, 40.5, 11, 41).getExteriorRing());
        assertEquals(ringM, EllipsoidalMeasure.lengthM(cuts.get(0).boundary()), 1e-6 * ringM,
            "the enclave wholly inside its host borders it all round");
        assertEquals(2, stored.get("ENC").getNumGeometries(), "the enclave's own state is unchanged");
    }

    @Test
    void aHostThatAlreadyHasTheHoleLosesNothing() {
        Map<String, Geometry> stored = new TreeMap<>();
        Polygon withHole = F.createPolygon(box(10, 40, 12, 42).getExteriorRing(),
            new org.locationtech.jts.geom.LinearRing[] {box(10.5, 40.5, 11, 41).getExteriorRing()});
        stored.put("HST", F.createMultiPolygon(new Polygon[] {withHole}));
        stored.put("ENC", F.createMultiPolygon(new Polygon[] {box(10.5, 40.5, 11, 41)}));
        List<EnclaveCut.Cut> cuts = EnclaveCut.apply("t", stored,
            List.of(new EnclaveCut.Enclave("ENC", "HST", null, "Enclave", "test")), F);
        assertEquals(0, cuts.get(0).removedKm2(), 1e-9);
    }

    @Test
    void theCuratedListNamesEachEnclaveWithASource() {
        List<EnclaveCut.Enclave> list = EnclaveCut.list();
        assertTrue(list.size() >= 10);
        for (EnclaveCut.Enclave e : list) {
            assertTrue(e.source().length() > 20, e.name());
            assertTrue(!e.state().equals(e.host()), e.name());
        }
    }
}

package io.borderline.build;

import io.borderline.geodesy.EllipsoidalMeasure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Cuts enclaves out of the host that the source draws over them (OSM's land polygons of South Africa,
 * Italy, Switzerland, ... have no hole where Lesotho, San Marino, Büsingen, ... lie, so a point in
 * Maseru would be "in South Africa" too). The enclaves come from a curated, cited list
 * ({@code enclaves.csv}): geometry alone cannot tell an enclave from a disputed territory drawn in
 * both states. Only the host parts that meet the enclave are differenced (OverlayNG), and the area
 * removed is measured on the ellipsoid for {@code data/SOURCES.md}.
 */
final class EnclaveCut {
    /** One row of the list. */
    record Enclave(String state, String host, Envelope box, String name, String source) {}

    /**
     * What one cut did.
     *
     * @param removedKm2 area removed from the host, ellipsoidal km² (0 where the host already had the hole)
     * @param boundary where the enclave now meets its host: the border line the cut created (may be empty)
     */
    record Cut(String dataset, Enclave enclave, double removedKm2, Geometry boundary) {}

    private EnclaveCut() {}

    static List<Enclave> list() {
        List<Enclave> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            EnclaveCut.class.getResourceAsStream("/enclaves.csv"), StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> f = Csv.parseLine(line);
                Envelope box = f.get(2).equals("*") ? null : new Envelope(Double.parseDouble(f.get(2)),
                    Double.parseDouble(f.get(4)), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(5)));
                out.add(new Enclave(f.get(0), f.get(1), box, f.get(6), f.get(7)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Applies every cut whose two states the dataset draws, replacing the hosts in {@code stored}. */
    static List<Cut> apply(String dataset, Map<String, Geometry> stored, List<Enclave> enclaves, GeometryFactory f) {
        List<Cut> out = new ArrayList<>();
        for (Enclave e : enclaves) {
            Geometry state = stored.get(e.state());
            Geometry host = stored.get(e.host());
            if (state == null || host == null) {
                continue;
            }
            List<Polygon> pieces = new ArrayList<>();
            for (int i = 0; i < state.getNumGeometries(); i++) {
                Polygon p = (Polygon) state.getGeometryN(i);
                if (e.box() == null || e.box().contains(p.getEnvelopeInternal())) {
                    pieces.add(p);
                }
            }
            if (pieces.isEmpty()) {
                throw new IllegalStateException(e.name() + ": no part of " + e.state() + " inside " + e.box());
            }
            Geometry enclave = f.createMultiPolygon(pieces.toArray(Polygon[]::new));
            Envelope env = enclave.getEnvelopeInternal();
            List<Polygon> kept = new ArrayList<>();
            List<Polygon> changedBefore = new ArrayList<>();
            List<Polygon> changedAfter = new ArrayList<>();
            for (int i = 0; i < host.getNumGeometries(); i++) {
                Polygon p = (Polygon) host.getGeometryN(i);
                if (!p.getEnvelopeInternal().intersects(env)) {
                    kept.add(p);
                    continue;
                }
                changedBefore.add(p);
                Geometry d = OverlayNGRobust.overlay(p, enclave, OverlayNG.DIFFERENCE);
                for (int k = 0; k < d.getNumGeometries(); k++) {
                    if (d.getGeometryN(k) instanceof Polygon q && !q.isEmpty()) {
                        kept.add(q);
                        changedAfter.add(q);
                    }
                }
            }
            double before = EllipsoidalMeasure.areaM2(f.createMultiPolygon(changedBefore.toArray(Polygon[]::new)));
            Geometry after = f.createMultiPolygon(changedAfter.toArray(Polygon[]::new));
            double removedKm2 = (before - EllipsoidalMeasure.areaM2(after)) / 1e6;
            stored.put(e.host(), f.createMultiPolygon(kept.toArray(Polygon[]::new)));
            // the border the cut made: the enclave's outline where the host now runs along it
            Geometry line = OverlayNGRobust.overlay(enclave.getBoundary(), after, OverlayNG.INTERSECTION);
            List<LineString> lines = new ArrayList<>();
            for (int k = 0; k < line.getNumGeometries(); k++) {
                if (line.getGeometryN(k) instanceof LineString l && !l.isEmpty()) {
                    lines.add(l);
                }
            }
            org.locationtech.jts.operation.linemerge.LineMerger merger = new org.locationtech.jts.operation.linemerge.LineMerger();
            lines.forEach(merger::add);
            @SuppressWarnings("unchecked")
            List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
            out.add(new Cut(dataset, e, removedKm2, f.createMultiLineString(merged.toArray(LineString[]::new))));
        }
        return out;
    }
}

package io.borderline.build;

import io.borderline.data.BoundaryFile;
import io.borderline.data.RegionWindow;
import io.borderline.geodesy.Densifier;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.geodesy.GeodesicSegments;
import io.borderline.topology.IndexedValidity;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns one country's raw source geometry into what the service stores: every part, unclipped,
 * repaired with JTS {@link GeometryFixer} and densified to edges of at most {@link GeodesicSegments#MAX_SEGMENT_M}. Measures what the
 * repair changed.
 */
final class CountryExtract {
    private static final GeometryFactory F = BoundaryFile.FACTORY;

    record Result(Geometry stored, RepairReport report) {}

    private CountryExtract() {}

    static Result extract(String dataset, String country, Geometry raw) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < raw.getNumGeometries(); i++) {
            parts.add((Polygon) raw.getGeometryN(i));
        }
        Geometry source = F.createMultiPolygon(parts.toArray(Polygon[]::new));
        String error = IndexedValidity.validationError(source);
        String validity = error == null ? "valid" : error;
        double rawArea = EllipsoidalMeasure.areaM2(source);
        // Repair part by part: GeometryFixer on the whole MultiPolygon unions thousands of
        // islands at once, which takes many minutes for Russia; parts only need a union if the
        // repaired parts turn out to overlap.
        List<Polygon> repairedParts = new ArrayList<>();
        for (Polygon p : parts) {
            Geometry fixed = IndexedValidity.isValid(p) ? p : GeometryFixer.fix(p);
            for (int i = 0; i < fixed.getNumGeometries(); i++) {
                if (fixed.getGeometryN(i) instanceof Polygon fp && !fp.isEmpty()) {
                    repairedParts.add(fp);
                }
            }
        }
        Geometry repaired = F.createMultiPolygon(repairedParts.toArray(Polygon[]::new));
        double repairedArea = EllipsoidalMeasure.areaM2(repaired);
        Geometry stored = asMultiPolygon(Densifier.densify(repaired, GeodesicSegments.MAX_SEGMENT_M));
        if (!IndexedValidity.isValid(stored)) {
            stored = asMultiPolygon(OverlayNGRobust.union(stored));
        }
        if (!IndexedValidity.isValid(stored)) {
            throw new IllegalStateException(dataset + " " + country + " is still invalid after repair: "
                + IndexedValidity.validationError(stored));
        }
        double storedArea = EllipsoidalMeasure.areaM2(stored);
        RepairReport report = new RepairReport(dataset, country, source.getNumPoints(), validity,
            rawArea / 1e6, repairedArea / 1e6, storedArea / 1e6, stored.getNumPoints());
        return new Result(stored, report);
    }

    /** The parts of a (stored) Russia geometry that make up the Kaliningrad exclave. */
    static Geometry kaliningrad(Geometry russia) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < russia.getNumGeometries(); i++) {
            Polygon p = (Polygon) russia.getGeometryN(i);
            if (RegionWindow.KALININGRAD_BOX.contains(p.getEnvelopeInternal())) {
                parts.add(p);
            }
        }
        return F.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /** The non-empty polygons of {@code g} (overlay results may mix in lines and points) as one MultiPolygon. */
    static Geometry asMultiPolygon(Geometry g) {
        List<Polygon> parts = new ArrayList<>();
        for (Object p : PolygonExtracter.getPolygons(g)) {
            if (!((Polygon) p).isEmpty()) {
                parts.add((Polygon) p);
            }
        }
        return F.createMultiPolygon(parts.toArray(Polygon[]::new));
    }
}

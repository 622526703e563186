package io.borderline.build;

import io.borderline.geodesy.EllipsoidalMeasure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Finds the territories two countries' polygons both claim (Crimea in Russia and Ukraine,
 * Kashmir, ...) and measures them. Neighbours built from the same boundary ways share edges and
 * do not overlap, so candidates come from a sample: every GeoNames place and a
 * {@value #GRID_DEG}° grid, each tested against the polygon parts around it; the pairs some
 * sample point lies in both are intersected exactly and their overlap measured on the
 * ellipsoid. An overlap with no sample point in it (smaller than about 10 km across and
 * uninhabited) is missed; the runtime {@code in_states} test does not depend on this list.
 */
final class Overlaps {
    /** Sample grid step, degrees. */
    static final double GRID_DEG = 0.1;
    /** Overlaps smaller than this are slivers of the data, not claims, km². */
    static final double MIN_KM2 = 1.0;

    record Overlap(String dataset, String a, String b, double areaKm2, String places) {}

    private record Part(String code, Envelope env, IndexedPointInAreaLocator locator) {}

    private Overlaps() {}

    static List<Overlap> find(String dataset, Map<String, Geometry> territories, List<GeoNamesPlaces.Place> places) {
        STRtree index = new STRtree();
        for (Map.Entry<String, Geometry> e : territories.entrySet()) {
            for (int i = 0; i < e.getValue().getNumGeometries(); i++) {
                Polygon p = (Polygon) e.getValue().getGeometryN(i);
                index.insert(p.getEnvelopeInternal(), new Part(e.getKey(), p.getEnvelopeInternal(),
                    new IndexedPointInAreaLocator(p)));
            }
        }
        index.build();
        Map<String, List<String>> candidates = new HashMap<>();
        for (GeoNamesPlaces.Place pl : places) {
            sample(index, pl.lon(), pl.lat(), pl.name(), candidates);
        }
        for (double lat = -89.95; lat < 90; lat += GRID_DEG) {
            for (double lon = -179.95; lon < 180; lon += GRID_DEG) {
                sample(index, lon, lat, null, candidates);
            }
        }
        List<Overlap> out = new ArrayList<>();
        for (String key : new TreeSet<>(candidates.keySet())) {
            String[] ab = key.split("\\|");
            Geometry overlap = OverlayNGRobust.overlay(territories.get(ab[0]), territories.get(ab[1]), OverlayNG.INTERSECTION);
            double km2 = EllipsoidalMeasure.areaM2(overlap) / 1e6;
            if (km2 >= MIN_KM2) {
                List<String> names = candidates.get(key);
                out.add(new Overlap(dataset, ab[0], ab[1], km2,
                    String.join(", ", names.subList(0, Math.min(5, names.size())))));
            }
            System.out.printf("  %s overlap %s: %.1f km²%n", dataset, key, km2);
        }
        return out;
    }

    private static void sample(STRtree index, double lon, double lat, String name, Map<String, List<String>> candidates) {
        Coordinate c = new Coordinate(lon, lat);
        @SuppressWarnings("unchecked")
        List<Part> hits = index.query(new Envelope(c));
        if (hits.size() < 2) {
            return;
        }
        Set<String> in = new TreeSet<>();
        for (Part p : hits) {
            if (!in.contains(p.code()) && p.locator().locate(c) == Location.INTERIOR) {
                in.add(p.code());
            }
        }
        List<String> codes = new ArrayList<>(in);
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                List<String> names = candidates.computeIfAbsent(codes.get(i) + "|" + codes.get(j), k -> new ArrayList<>());
                if (name != null && names.size() < 5) {
                    names.add(name);
                }
            }
        }
    }
}

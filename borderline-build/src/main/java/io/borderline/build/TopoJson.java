package io.borderline.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes the quantized, delta-encoded arcs of a TopoJSON topology (world-atlas). Written by
 * hand because no maintained Java TopoJSON reader is published on Maven Central; the format is
 * specified at https://github.com/topojson/topojson-specification.
 */
final class TopoJson {
    private final List<Coordinate[]> arcs = new ArrayList<>();
    private final GeometryFactory factory;

    TopoJson(JsonNode topology, GeometryFactory factory) {
        this.factory = factory;
        JsonNode transform = topology.get("transform");
        double sx = transform.get("scale").get(0).asDouble();
        double sy = transform.get("scale").get(1).asDouble();
        double tx = transform.get("translate").get(0).asDouble();
        double ty = transform.get("translate").get(1).asDouble();
        for (JsonNode arc : topology.get("arcs")) {
            Coordinate[] c = new Coordinate[arc.size()];
            long x = 0;
            long y = 0;
            for (int i = 0; i < c.length; i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                c[i] = new Coordinate(x * sx + tx, y * sy + ty);
            }
            arcs.add(c);
        }
    }

    /** The coordinates of arc {@code index}; a negative index {@code ~i} is arc i reversed. */
    Coordinate[] arc(int index) {
        if (index >= 0) {
            return arcs.get(index);
        }
        Coordinate[] forward = arcs.get(~index);
        Coordinate[] reversed = new Coordinate[forward.length];
        for (int i = 0; i < forward.length; i++) {
            reversed[i] = forward[forward.length - 1 - i];
        }
        return reversed;
    }

    LineString arcLine(int index) {
        return factory.createLineString(arc(index));
    }

    /** A Polygon or MultiPolygon geometry object as a MultiPolygon. */
    MultiPolygon polygons(JsonNode geometry) {
        String type = geometry.get("type").asText();
        JsonNode arcsNode = geometry.get("arcs");
        List<Polygon> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(polygon(arcsNode));
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode p : arcsNode) {
                polygons.add(polygon(p));
            }
        } else {
            throw new IllegalArgumentException("unexpected TopoJSON type " + type);
        }
        // quantization collapses a few tiny islands to fewer than 4 points: they have no area
        polygons.removeIf(java.util.Objects::isNull);
        return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** The polygon, or null if its shell collapsed to fewer than 4 points. */
    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            LinearRing h = ring(rings.get(i));
            if (h != null) {
                holes.add(h);
            }
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(JsonNode arcIndexes) {
        List<Coordinate> coords = new ArrayList<>();
        for (JsonNode idx : arcIndexes) {
            Coordinate[] a = arc(idx.asInt());
            for (int i = coords.isEmpty() ? 0 : 1; i < a.length; i++) {
                coords.add(a[i]);
            }
        }
        if (coords.size() < 4) {
            return null;
        }
        unwrapAntimeridian(coords);
        return factory.createLinearRing(coords.toArray(Coordinate[]::new));
    }

    /**
     * world-atlas keeps spherical topology, so a ring crossing the antimeridian (Russia's
     * Chukotka) jumps from +180 to -180. In planar longitude/latitude that is a ring across the
     * whole globe; shifting the western longitudes by 360 makes it a proper planar ring.
     */
    /**
     * Antarctica's ring circles the south pole: on the sphere it needs no closing, in planar
     * longitude/latitude it jumps once from +180 to -180. Closing it along the antimeridian and the
     * pole's parallel (-90°) makes it the planar polygon of the same area.
     */
    static boolean closeAroundSouthPole(List<Coordinate> ring) {
        int jump = -1;
        int jumps = 0;
        double minLat = 90;
        for (int i = 1; i < ring.size(); i++) {
            minLat = Math.min(minLat, ring.get(i).y);
            if (Math.abs(ring.get(i).x - ring.get(i - 1).x) > 180) {
                jump = i;
                jumps++;
            }
        }
        if (jumps != 1 || minLat > -60) {
            return false;
        }
        Coordinate before = ring.get(jump - 1);
        Coordinate after = ring.get(jump);
        double side = Math.signum(before.x);
        ring.addAll(jump, List.of(new Coordinate(180 * side, before.y), new Coordinate(180 * side, -90),
            new Coordinate(-180 * side, -90), new Coordinate(-180 * side, after.y)));
        return true;
    }

    static void unwrapAntimeridian(List<Coordinate> ring) {
        if (closeAroundSouthPole(ring)) {
            return; // the closing edge along -90° jumps by 360° on purpose: not an antimeridian crossing
        }
        boolean crosses = false;
        for (int i = 1; i < ring.size(); i++) {
            if (Math.abs(ring.get(i).x - ring.get(i - 1).x) > 180) {
                crosses = true;
                break;
            }
        }
        if (crosses) {
            for (Coordinate c : ring) {
                if (c.x < 0) {
                    c.x += 360;
                }
            }
        }
    }
}

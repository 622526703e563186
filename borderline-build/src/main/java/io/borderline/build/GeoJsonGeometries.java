package io.borderline.build;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Converts a GeoJSON geometry tree to JTS without validating it: the raw OSM rings are invalid
 * on purpose here, so they can be measured before and after repair.
 */
final class GeoJsonGeometries {
    private GeoJsonGeometries() {}

    static Geometry toJts(JsonNode geometry, GeometryFactory factory) {
        String type = geometry.get("type").asText();
        JsonNode coords = geometry.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coords, factory);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i), factory);
                }
                yield factory.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("unexpected geometry type " + type);
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++) {
            JsonNode p = positions.get(i);
            c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (!c[0].equals2D(c[c.length - 1])) { // tolerate unclosed rings by closing them
            Coordinate[] closed = java.util.Arrays.copyOf(c, c.length + 1);
            closed[c.length] = new Coordinate(c[0]);
            c = closed;
        }
        return factory.createLinearRing(c);
    }
}

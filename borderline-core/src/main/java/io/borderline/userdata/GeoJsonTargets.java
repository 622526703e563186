package io.borderline.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderline.projection.OutputCrs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a user's target geometry from GeoJSON: a Polygon, MultiPolygon, LineString or
 * MultiLineString, a Feature with one of them, or a FeatureCollection of such features.
 * Positions are longitude/latitude (RFC 7946) unless a CRS is declared, either by the caller or
 * in a {@code crs} member of the object (the 2008 GeoJSON form {@code {"type": "name",
 * "properties": {"name": "urn:ogc:def:crs:EPSG::3035"}}}); a declared CRS must be one of
 * {@link OutputCrs}, and its coordinates are read in that system's authority axis order (EPSG:4326
 * latitude first). Everything is checked while reading: a missing or unsupported geometry, a
 * position that is not two or three finite numbers, a latitude or longitude out of range, a ring
 * that is not closed or has fewer than four positions, a line with fewer than two, and the vertex
 * and feature limits; every refusal names the feature. Stateless and thread-safe.
 */
public final class GeoJsonTargets {
    static final String ACCEPTED = "GeoJSON Polygon, MultiPolygon, LineString or MultiLineString, a Feature with one,"
        + " or a FeatureCollection of them; positions [lon, lat] (RFC 7946) or in a declared CRS";

    private GeoJsonTargets() {}

    /**
     * @param node the target object
     * @param declared the CRS the caller declared for it, or null (then the object's own {@code crs} member, else
     *     CRS84)
     */
    public static List<UserFeature> read(JsonNode node, OutputCrs declared, UserLimits limits, GeometryFactory f) {
        if (node == null || !node.isObject()) {
            throw UserGeometryException.invalid("the target is not a GeoJSON object", ACCEPTED);
        }
        OutputCrs crs = declared != null ? declared : crsMember(node).orElse(OutputCrs.CRS84);
        Reader r = new Reader(crs, limits, f);
        String type = node.path("type").asText("");
        List<UserFeature> out = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = node.get("features");
                if (features == null || !features.isArray()) {
                    throw UserGeometryException.invalid("the FeatureCollection has no 'features' array", ACCEPTED);
                }
                if (features.size() > limits.maxFeatures()) {
                    throw UserGeometryException.tooLarge("the target has " + features.size() + " features, more than"
                        + " the limit of " + limits.maxFeatures(), "at most " + limits.maxFeatures() + " features");
                }
                for (int i = 0; i < features.size(); i++) {
                    out.add(r.feature(i, features.get(i)));
                }
            }
            case "Feature" -> out.add(r.feature(0, node));
            default -> out.add(new UserFeature(0, "0", r.geometry(node, "feature 0"), Map.of()));
        }
        if (out.isEmpty()) {
            throw UserGeometryException.invalid("the target has no features", ACCEPTED);
        }
        return out;
    }

    /** The CRS of a 2008-style {@code crs} member, if there is one; an unknown CRS is refused. */
    static Optional<OutputCrs> crsMember(JsonNode node) {
        JsonNode crs = node.get("crs");
        if (crs == null || crs.isNull()) {
            return Optional.empty();
        }
        String name = crs.isTextual() ? crs.asText() : crs.path("properties").path("name").asText("");
        return Optional.of(parseCrs(name));
    }

    /** A CRS by URI, CURIE ({@code EPSG:3035}) or OGC URN ({@code urn:ogc:def:crs:EPSG::3035}); unknown ones are refused. */
    public static OutputCrs parseCrs(String name) {
        String v = name.trim();
        java.util.regex.Matcher urn = java.util.regex.Pattern.compile("(?i)urn:ogc:def:crs:(EPSG|OGC):[^:]*:(\\w+)")
            .matcher(v);
        if (urn.matches()) {
            v = urn.group(1).toUpperCase(java.util.Locale.ROOT) + ":" + urn.group(2);
        }
        return OutputCrs.parse(v).orElseThrow(() -> UserGeometryException.invalid("the CRS '" + shorten(name)
            + "' is not one the service knows", String.join(", ", OutputCrs.uris())));
    }

    /** Reads positions with a running vertex count. Not thread-safe: one per call. */
    private static final class Reader {
        private final OutputCrs crs;
        private final UserLimits limits;
        private final GeometryFactory f;
        private int vertices;

        Reader(OutputCrs crs, UserLimits limits, GeometryFactory f) {
            this.crs = crs;
            this.limits = limits;
            this.f = f;
        }

        UserFeature feature(int index, JsonNode node) {
            String fallback = "feature " + index;
            if (node == null || !node.isObject() || !"Feature".equals(node.path("type").asText())) {
                throw UserGeometryException.invalid(fallback + " is not a GeoJSON Feature", ACCEPTED);
            }
            String id = id(node.get("id"));
            Map<String, Object> props = properties(node.get("properties"));
            if (id == null && props.get("id") != null) {
                id = props.get("id").toString();
            }
            if (id == null) {
                id = Integer.toString(index);
            }
            if (id.length() > 200) {
                throw UserGeometryException.invalid(fallback + ": its id is longer than 200 characters",
                    "ids of at most 200 characters");
            }
            String label = UserFeature.label(index, id);
            JsonNode g = node.get("geometry");
            if (g == null || g.isNull()) {
                throw UserGeometryException.invalid(label + " has no geometry", ACCEPTED);
            }
            return new UserFeature(index, id, geometry(g, label), props);
        }

        Geometry geometry(JsonNode g, String label) {
            if (!g.isObject()) {
                throw UserGeometryException.invalid(label + ": the geometry is not a JSON object", ACCEPTED);
            }
            String type = g.path("type").asText("");
            JsonNode c = g.get("coordinates");
            if (List.of("Point", "MultiPoint", "GeometryCollection").contains(type)) {
                throw UserGeometryException.invalid(label + " is a " + type + "; a target is a line or an area"
                    + " (to measure between points use GET /distance/points)", ACCEPTED);
            }
            if (!List.of("Polygon", "MultiPolygon", "LineString", "MultiLineString").contains(type)) {
                throw UserGeometryException.invalid(label + ": unsupported geometry type '" + shorten(type) + "'",
                    ACCEPTED);
            }
            if (c == null || !c.isArray() || c.isEmpty()) {
                throw UserGeometryException.invalid(label + ": the " + type + " has no coordinates (empty geometry)",
                    ACCEPTED);
            }
            return switch (type) {
                case "LineString" -> line(c, label);
                case "MultiLineString" -> {
                    LineString[] parts = new LineString[c.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = line(c.get(i), label + ", line " + i);
                    }
                    yield f.createMultiLineString(parts);
                }
                case "Polygon" -> polygon(c, label);
                default -> {
                    Polygon[] parts = new Polygon[c.size()];
                    for (int i = 0; i < parts.length; i++) {
                        JsonNode p = c.get(i);
                        if (!p.isArray() || p.isEmpty()) {
                            throw UserGeometryException.invalid(label + ", polygon " + i + " has no rings", ACCEPTED);
                        }
                        parts[i] = polygon(p, label + ", polygon " + i);
                    }
                    yield f.createMultiPolygon(parts);
                }
            };
        }

        private LineString line(JsonNode c, String label) {
            Coordinate[] cs = positions(c, label);
            if (java.util.Arrays.stream(cs).distinct().count() < 2) {
                throw UserGeometryException.invalid(label + ": a line needs at least two distinct positions", ACCEPTED);
            }
            return f.createLineString(cs);
        }

        private Polygon polygon(JsonNode rings, String label) {
            LinearRing[] rs = new LinearRing[rings.size()];
            for (int i = 0; i < rs.length; i++) {
                String where = label + ", ring " + i;
                Coordinate[] cs = positions(rings.get(i), where);
                if (cs.length < 4) {
                    throw UserGeometryException.invalid(where + " has " + cs.length + " positions; a ring needs at"
                        + " least four (the first repeated last)", ACCEPTED);
                }
                if (!cs[0].equals2D(cs[cs.length - 1])) {
                    throw UserGeometryException.invalid(where + " is not closed: its last position must equal its"
                        + " first", ACCEPTED);
                }
                for (int k = 1; k < cs.length; k++) {
                    if (Math.abs(cs[k].x - cs[k - 1].x) > 180) {
                        throw UserGeometryException.invalid(where + ": the edge from position " + (k - 1) + " crosses"
                            + " the antimeridian; split the area there (RFC 7946 section 3.1.9)",
                            "areas split at longitude 180");
                    }
                }
                rs[i] = f.createLinearRing(cs);
            }
            return f.createPolygon(rs[0], java.util.Arrays.copyOfRange(rs, 1, rs.length));
        }

        private Coordinate[] positions(JsonNode array, String label) {
            if (array == null || !array.isArray()) {
                throw UserGeometryException.invalid(label + ": the coordinates are not an array of positions",
                    ACCEPTED);
            }
            Coordinate[] out = new Coordinate[array.size()];
            for (int i = 0; i < out.length; i++) {
                if (++vertices > limits.maxVertices()) {
                    throw UserGeometryException.tooLarge("the target has more than " + limits.maxVertices()
                        + " vertices (the limit; reached in " + label + ")", "at most " + limits.maxVertices()
                        + " vertices");
                }
                out[i] = position(array.get(i), label + ", position " + i);
            }
            return out;
        }

        private Coordinate position(JsonNode p, String label) {
            if (!p.isArray() || p.size() < 2 || p.size() > 3) {
                throw UserGeometryException.invalid(label + " is not [x, y] or [x, y, z]", ACCEPTED);
            }
            for (JsonNode n : p) {
                if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                    throw UserGeometryException.invalid(label + " has a coordinate that is not a finite number: "
                        + shorten(n.toString()), "finite numbers");
                }
            }
            double[] ll = crs.toLonLat(p.get(0).asDouble(), p.get(1).asDouble());
            double lon = ll[0];
            double lat = ll[1];
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                throw UserGeometryException.invalid(label + " is at longitude " + lon + ", latitude " + lat
                    + ", outside -180..180 / -90..90" + (crs == OutputCrs.CRS84 ? " (positions are [lon, lat])" : ""),
                    "longitude -180 to 180, latitude -90 to 90");
            }
            return new Coordinate(lon, lat);
        }
    }

    private static String id(JsonNode id) {
        return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
    }

    /** Scalar properties only (nested objects and arrays are left out of a flat feature). */
    private static Map<String, Object> properties(JsonNode props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props == null || !props.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                out.put(e.getKey(), v.asLong());
            } else if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean());
            } else if (v.isNull()) {
                out.put(e.getKey(), null);
            }
        }
        return out;
    }

    static String shorten(String s) {
        String clean = String.valueOf(s).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}

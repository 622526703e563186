package io.borderline.points;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the points of a GeoJSON body (RFC 7946) with Jackson's streaming parser: a
 * FeatureCollection whose features have Point geometries (the feature's {@code id}, or else its
 * {@code properties.id}, is echoed), or a MultiPoint (no ids). Positions are {@code [lon, lat]}
 * with an optional altitude. Only one feature is in memory at a time, and not even that for
 * members that are skipped (properties other than {@code id}, other geometries).
 *
 * <p>Per-row errors: a feature that is not an object or not a {@code Feature}, a missing or
 * non-Point geometry, a position that is not two or three numbers, coordinates out of range,
 * an id that is not a string or a number or is longer than 200 characters.
 */
public final class GeoJsonPoints implements PointReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(1000).build())
        .build();

    private enum Kind { FEATURES, POSITIONS }

    private final JsonParser parser;
    private Kind kind;
    private String declaredType;
    private long index;
    private boolean done;

    public GeoJsonPoints(InputStream body) throws IOException {
        this.parser = FACTORY.createParser(body);
    }

    @Override
    public void start() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw bad("the body is empty");
        }
        if (t != JsonToken.START_OBJECT) {
            throw bad("the body is not a GeoJSON object (FeatureCollection or MultiPoint)");
        }
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    declaredType = value == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(value);
                    if (!declaredType.equals("FeatureCollection") && !declaredType.equals("MultiPoint")) {
                        throw bad("GeoJSON type '" + Texts.shorten(declaredType) + "' is not accepted: send a"
                            + " FeatureCollection of Points or a MultiPoint");
                    }
                }
                case "features", "coordinates" -> {
                    Kind k = name.equals("features") ? Kind.FEATURES : Kind.POSITIONS;
                    if (declaredType != null && !declaredType.equals(k == Kind.FEATURES ? "FeatureCollection" : "MultiPoint")) {
                        throw bad("a " + declaredType + " has no '" + name + "' member");
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw bad("'" + name + "' is not an array");
                    }
                    kind = k;
                    return;
                }
                default -> parser.skipChildren();
            }
        }
        throw bad("the GeoJSON object has no 'features' (FeatureCollection) or 'coordinates' (MultiPoint) array");
    }

    @Override
    public BatchRow next() throws IOException {
        if (done) {
            return null;
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            finish();
            return null;
        }
        if (t == null) {
            throw new IOException("the body ends inside the " + (kind == Kind.FEATURES ? "features" : "coordinates")
                + " array");
        }
        long i = index++;
        if (kind == Kind.POSITIONS) {
            if (t != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return BatchRow.failed(i, null, "position " + i + " is not an array [lon, lat]");
            }
            return position(i, null);
        }
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return BatchRow.failed(i, null, "feature " + i + " is not a JSON object");
        }
        return feature(i);
    }

    /** Reads one Feature object, its START_OBJECT already consumed. */
    private BatchRow feature(long i) throws IOException {
        Object id = null;
        Object propertiesId = null;
        String error = null;
        BatchRow point = null;
        boolean sawGeometry = false;
        String type = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(value);
                case "id" -> {
                    Object v = scalarId();
                    if (v == null && value != JsonToken.VALUE_NULL) {
                        error = first(error, "id must be a string or a number");
                    }
                    id = v;
                }
                case "properties" -> {
                    if (value == JsonToken.START_OBJECT) {
                        propertiesId = propertiesId();
                    } else {
                        parser.skipChildren();
                    }
                }
                case "geometry" -> {
                    sawGeometry = true;
                    if (value == JsonToken.VALUE_NULL) {
                        error = first(error, "the feature has no geometry (null)");
                    } else if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        error = first(error, "the geometry is not a JSON object");
                    } else {
                        point = geometry(i);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        Object rowId = id != null ? id : propertiesId;
        if (rowId instanceof String s && BatchRow.checkId(s) != null) {
            return BatchRow.failed(i, null, BatchRow.checkId(s));
        }
        if (type != null && !type.equals("Feature")) {
            error = first(error, "a member of 'features' has type '" + Texts.shorten(type) + "', not Feature");
        } else if (type == null) {
            error = first(error, "the feature has no \"type\": \"Feature\"");
        }
        if (!sawGeometry) {
            error = first(error, "the feature has no geometry");
        }
        if (error != null) {
            return BatchRow.failed(i, rowId, error);
        }
        return new BatchRow(i, rowId, point.lat(), point.lon(), point.error());
    }

    /** The id inside properties (a string or a number), skipping every other property. */
    private Object propertiesId() throws IOException {
        Object found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("id") && found == null) {
                found = scalarId();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    /** The current value as an id: a String, a Long or a Double; null (and skipped) for anything else. */
    private Object scalarId() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getText() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    /** A geometry object, its START_OBJECT consumed: the point, or a row naming what is wrong. */
    private BatchRow geometry(long i) throws IOException {
        String type = null;
        BatchRow position = null;
        boolean sawCoordinates = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("type")) {
                type = value == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(value);
            } else if (name.equals("coordinates")) {
                sawCoordinates = true;
                position = value == JsonToken.START_ARRAY ? position(i, null)
                    : skipWith(i, "the coordinates are not an array [lon, lat]");
            } else {
                parser.skipChildren();
            }
        }
        if (type == null) {
            return BatchRow.failed(i, null, "the geometry has no type");
        }
        if (!type.equals("Point")) {
            return BatchRow.failed(i, null, "the geometry is a " + Texts.shorten(type) + ", not a Point");
        }
        if (!sawCoordinates) {
            return BatchRow.failed(i, null, "the Point has no coordinates");
        }
        return position;
    }

    private BatchRow skipWith(long i, String error) throws IOException {
        parser.skipChildren();
        return BatchRow.failed(i, null, error);
    }

    /** A position array [lon, lat(, alt)], its START_ARRAY consumed. */
    private BatchRow position(long i, Object id) throws IOException {
        double[] v = new double[3];
        int n = 0;
        String error = null;
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("the body ends inside a position");
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (n < 3) {
                    v[n] = parser.getDoubleValue();
                }
            } else {
                parser.skipChildren();
                error = first(error, t == JsonToken.START_ARRAY
                    ? "the coordinates are nested arrays: not a Point position [lon, lat]"
                    : "the coordinates are not numbers: " + Texts.shorten(String.valueOf(parser.getText())));
            }
            n++;
        }
        if (error != null) {
            return BatchRow.failed(i, id, error);
        }
        if (n < 2 || n > 3) {
            return BatchRow.failed(i, id, "a position has " + n + " numbers; expected [lon, lat] or [lon, lat, altitude]");
        }
        return BatchRow.point(i, id, v[1], v[0]);
    }

    /** After the array: the rest of the top-level object must not contradict it, and nothing may follow. */
    private void finish() throws IOException {
        done = true;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("features") || name.equals("coordinates")) {
                throw new IOException("the body has a second '" + name + "' member");
            }
            if (name.equals("type")) {
                String type = value == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(value);
                String expected = kind == Kind.FEATURES ? "FeatureCollection" : "MultiPoint";
                if (!type.equals(expected)) {
                    throw new IOException("the body's type is '" + Texts.shorten(type) + "' but it carries "
                        + (kind == Kind.FEATURES ? "'features'" : "'coordinates'"));
                }
            }
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("the GeoJSON object is not closed");
        }
        if (parser.nextToken() != null) {
            throw new IOException("there is content after the GeoJSON object");
        }
    }

    private static String first(String existing, String next) {
        return existing != null ? existing : next;
    }

    private InvalidPointsException bad(String detail) {
        return new InvalidPointsException(detail + " (at " + position() + ")",
            "GeoJSON: a FeatureCollection of Point features, or a MultiPoint");
    }

    @Override
    public String position() {
        JsonLocation l = parser.currentLocation();
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

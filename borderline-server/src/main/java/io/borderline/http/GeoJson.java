package io.borderline.http;

import io.borderline.json.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * RFC 7946 GeoJSON: longitude-latitude WGS84, no {@code crs} member, exterior rings
 * counter-clockwise, 7 decimals (about 1 cm).
 */
final class GeoJson {
    private GeoJson() {}

    static String geometry(Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        w.setForceCCW(true);
        return w.write(g);
    }

    static ObjectNode featureCollection() {
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features");
        return fc;
    }

    /** Appends a feature and returns its properties object for the caller to fill. */
    static ObjectNode addFeature(ObjectNode collection, String id, Geometry geometry) {
        ArrayNode features = (ArrayNode) collection.get("features");
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.put("id", id);
        if (geometry == null) {
            f.putNull("geometry");
        } else {
            f.putRawValue("geometry", new RawValue(geometry(geometry)));
        }
        return f.putObject("properties");
    }
}

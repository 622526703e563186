package io.borderline.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Tells sea from inland water with the seas and oceans of npm {@code @geo-maps/earth-seas-10m}:
 * a point is at sea if a sea polygon covers it. A water segment of a political boundary whose
 * midpoint is at sea is a territorial-sea line; otherwise it runs through a river or a lake.
 * Thread-safe after construction.
 */
final class SeaClassifier {
    private final STRtree index = new STRtree();

    SeaClassifier(Path geoJson, GeometryFactory f) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (JsonParser p = json.getFactory().createParser(geoJson.toFile())) {
            while (p.nextToken() != null) {
                // the package is one GeometryCollection ("geometries"); a FeatureCollection is read too
                if (p.currentToken() == JsonToken.FIELD_NAME
                    && ("geometries".equals(p.currentName()) || "features".equals(p.currentName()))) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode node = json.readTree(p);
                        Geometry g = GeoJsonGeometries.toJts(node.has("geometry") ? node.get("geometry") : node, f);
                        for (int i = 0; i < g.getNumGeometries(); i++) {
                            Geometry part = g.getGeometryN(i);
                            index.insert(part.getEnvelopeInternal(), new IndexedPointInAreaLocator(part));
                        }
                    }
                }
            }
        }
        index.build();
    }

    /** True if a sea or ocean polygon covers the point (x = longitude). */
    boolean atSea(double lon, double lat) {
        Coordinate c = new Coordinate(lon, lat);
        @SuppressWarnings("unchecked")
        List<IndexedPointInAreaLocator> hits = index.query(new Envelope(c));
        for (IndexedPointInAreaLocator l : hits) {
            if (l.locate(c) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }
}

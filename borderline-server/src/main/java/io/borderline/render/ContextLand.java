package io.borderline.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Land around the region that Borderline does not load (Natural Earth 1:50m, public domain),
 * drawn under the loaded territories so a map shows land where there is land. Built by
 * {@code scripts/build-context-layer.sh} from the pinned world-atlas 2.0.2 package. Never
 * measured. Immutable and thread-safe.
 */
final class ContextLand {
    static final String RESOURCE = "context-ne50m.geojson.gz";
    static final String ATTRIBUTION = "Natural Earth 1:50m (public domain)";
    private static final List<Geometry> LAND = load();

    private ContextLand() {}

    /** The countries whose envelope meets {@code bounds} (longitude/latitude). */
    static List<Geometry> within(Envelope bounds) {
        List<Geometry> out = new ArrayList<>();
        for (Geometry g : LAND) {
            if (g.getEnvelopeInternal().intersects(bounds)) {
                out.add(g);
            }
        }
        return out;
    }

    private static List<Geometry> load() {
        try (InputStream in = ContextLand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the build");
            }
            String json = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            Geometry all = new GeoJsonReader().read(json);
            List<Geometry> out = new ArrayList<>();
            for (int i = 0; i < all.getNumGeometries(); i++) {
                Geometry g = all.getGeometryN(i);
                if (g instanceof GeometryCollection gc && !(g instanceof org.locationtech.jts.geom.MultiPolygon)) {
                    for (int j = 0; j < gc.getNumGeometries(); j++) {
                        out.add(gc.getGeometryN(j));
                    }
                } else {
                    out.add(g);
                }
            }
            return List.copyOf(out);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}

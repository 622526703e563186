package io.borderline.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.data.CountryCode;
import io.borderline.data.RegionWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Builds the context layer of the rendered maps: the land of every Natural Earth 1:50m country
 * around the region that Borderline does not load (Finland, Sweden, Germany, Moldova, …), and
 * Russia outside the region window, so that a map shows land where there is land. It is drawn
 * under the loaded territories, never measured.
 *
 * <p>Input: the extracted {@code world-atlas} 2.0.2 package (the same pinned tarball as the data
 * build; {@code countries-50m.json}). Output: gzipped GeoJSON, one feature per country with its
 * ISO 3166-1 numeric id and name. Run by {@code scripts/build-context-layer.sh}.
 */
public final class ContextLayer {
    /** The window the context is cut to: wide enough for a 2,500 km coverage around Belarus. */
    public static final Envelope WINDOW = new Envelope(-32, 82, 24, 80);

    private ContextLayer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ContextLayer <extracted world-atlas-2.0.2 dir> <output .geojson.gz>");
            System.exit(2);
        }
        Path input = Path.of(args[0]).resolve("package/countries-50m.json");
        JsonNode topology = new ObjectMapper().readTree(input.toFile());
        GeometryFactory gf = new GeometryFactory();
        TopoJson topo = new TopoJson(topology, gf);
        Set<String> loaded = new HashSet<>();
        for (CountryCode c : CountryCode.states()) {
            if (c != CountryCode.RUS) {
                loaded.add(c.isoNumeric());
            }
        }
        Geometry window = gf.toGeometry(WINDOW);
        Geometry regionWindow = gf.toGeometry(RegionWindow.envelope());
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        GeoJsonWriter writer = new GeoJsonWriter(4);
        writer.setEncodeCRS(false);
        int n = 0;
        for (JsonNode g : topology.get("objects").get("countries").get("geometries")) {
            if (!g.has("arcs") || g.get("arcs").isEmpty()) {
                continue;
            }
            String id = g.has("id") ? g.get("id").asText() : "";
            if (loaded.contains(id)) {
                continue;
            }
            Geometry land = GeometryFixer.fix(topo.polygons(g));
            if (!land.getEnvelopeInternal().intersects(WINDOW)) {
                continue;
            }
            land = OverlayNGRobust.overlay(land, window, OverlayNG.INTERSECTION);
            if (CountryCode.RUS.isoNumeric().equals(id)) {
                // inside the window Russia is drawn from the dataset itself
                land = OverlayNGRobust.overlay(land, regionWindow, OverlayNG.DIFFERENCE);
            }
            if (land.isEmpty()) {
                continue;
            }
            String name = g.path("properties").path("name").asText("");
            out.append(n++ == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"properties\":{\"iso_n3\":\"")
                .append(id).append("\",\"name\":\"").append(name.replace("\"", "'")).append("\"},\"geometry\":")
                .append(writer.write(land)).append('}');
        }
        out.append("\n]}\n");
        Path target = Path.of(args[1]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(target));
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write(out.toString());
        }
        System.out.println("context layer: " + n + " countries -> " + target);
    }
}

package io.borderline.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.data.DroneClass;
import io.borderline.json.Json;
import java.util.Collection;
import java.util.List;

/**
 * A MapLibre / Mapbox GL style (version 8) for the vector tiles: one source (the TileJSON), country fills,
 * the border lines, the sites as circles, and one fill and one outline layer per coverage (per launch
 * country and drone class), filtered by the {@code source} and {@code drone} properties, so a client shows
 * the coverages it switches on instead of all fourteen overlapping in one colour. Only the default drone
 * class's coverages are visible at first ({@code layout.visibility}); the others are listed, hidden, with
 * the range in their id and metadata. Time rings (the time_rings tile layer) are dashed lines per launch area and
 * drone class, coloured by minutes. No glyphs or sprites: the style draws no text, so it needs no font server.
 */
final class TileStyle {
    /** The coverages shown when the style is loaded. */
    static final String DEFAULT_DRONE = "lancet";
    /** The time rings shown when the style is loaded (from Belarus). */
    static final String DEFAULT_TIME_DRONE = "shahed-136";
    /** The launch countries of the published coverage layers, with their colours. */
    private static final List<String[]> SOURCES = List.of(
        new String[] {"BLR", "Belarus", "#c2410c"},
        new String[] {"RUS", "Russia", "#7a1630"});

    private TileStyle() {}

    /** The style for tiles described at {@code tileJsonUrl}. */
    static ObjectNode of(String tileJsonUrl, String attribution, Collection<DroneClass> drones) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("version", 8);
        s.put("name", "Borderline");
        s.putArray("center").add(27.0).add(55.0);
        s.put("zoom", 5);
        ObjectNode src = s.putObject("sources").putObject("borderline");
        src.put("type", "vector");
        src.put("url", tileJsonUrl);
        src.put("attribution", attribution);
        ArrayNode layers = s.putArray("layers");
        ObjectNode bg = layers.addObject();
        bg.put("id", "background");
        bg.put("type", "background");
        bg.putObject("paint").put("background-color", "#dbe7ef");
        ObjectNode land = layer(layers, "countries", "fill", "countries");
        ArrayNode color = land.putObject("paint").putArray("fill-color");
        color.add("match").addArray().add("get").add("code");
        color.add("BLR").add("#efd5c3").add("RUS").add("#ecd3d6").add("RUS-KGD").add("#ecd3d6").add("#f4f1ea");
        for (DroneClass d : drones) {
            for (String[] source : SOURCES) {
                String id = "coverage-" + source[0] + "-" + d.id();
                boolean visible = d.id().equals(DEFAULT_DRONE);
                for (String type : List.of("fill", "line")) {
                    ObjectNode l = layer(layers, id + (type.equals("line") ? "-outline" : ""), type, "coverage");
                    ArrayNode filter = l.putArray("filter");
                    filter.add("all");
                    filter.addArray().add("==").add(Json.MAPPER.createArrayNode().add("get").add("source")).add(source[0]);
                    filter.addArray().add("==").add(Json.MAPPER.createArrayNode().add("get").add("drone")).add(d.id());
                    l.putObject("layout").put("visibility", visible ? "visible" : "none");
                    ObjectNode paint = l.putObject("paint");
                    if (type.equals("fill")) {
                        paint.put("fill-color", source[2]).put("fill-opacity", 0.15);
                    } else {
                        paint.put("line-color", source[2]).put("line-width", 1.5);
                    }
                    ObjectNode meta = l.putObject("metadata");
                    meta.put("borderline:title", d.name() + " from " + source[1]);
                    meta.put("borderline:range_km", d.rangeKm());
                    meta.put("borderline:drone_class", d.droneClass());
                }
            }
        }
        timeRings(layers, drones);
        ObjectNode borders = layer(layers, "borders", "line", "borders");
        borders.putObject("paint").put("line-color", "#4b3f63").put("line-width", 1.6);
        ObjectNode sites = layer(layers, "sites", "circle", "sites");
        sites.putObject("paint").put("circle-color", "#1f3a5f").put("circle-radius", 3.5)
            .put("circle-stroke-color", "#ffffff").put("circle-stroke-width", 1);
        return s;
    }

    /**
     * One line layer per launch area and drone class of the time_rings tile layer, its colour stepped by the
     * {@code minutes} property (darkest for the shortest warning) and dashed, so rings read as times, not ranges.
     * Only {@value #DEFAULT_TIME_DRONE}'s rings from Belarus are visible at first.
     */
    private static void timeRings(ArrayNode layers, Collection<DroneClass> drones) {
        for (DroneClass d : drones) {
            if (d.fastestSpeedKmh() == null) {
                continue; // no published speed: no time rings
            }
            for (io.borderline.data.CountryCode source : io.borderline.features.Layers.TIME_RING_SOURCES) {
                ObjectNode l = layer(layers, "time-rings-" + source.code() + "-" + d.id(), "line", "time_rings");
                ArrayNode filter = l.putArray("filter");
                filter.add("all");
                filter.addArray().add("==").add(Json.MAPPER.createArrayNode().add("get").add("source")).add(source.code());
                filter.addArray().add("==").add(Json.MAPPER.createArrayNode().add("get").add("drone")).add(d.id());
                boolean visible = d.id().equals(DEFAULT_TIME_DRONE) && source.code().equals("BLR");
                l.putObject("layout").put("visibility", visible ? "visible" : "none");
                ObjectNode paint = l.putObject("paint");
                ArrayNode color = paint.putArray("line-color");
                color.add("step").addArray().add("get").add("minutes");
                List<String> shades = List.of("#7f0000", "#b30000", "#d7301f", "#ef6548", "#fc8d59");
                color.add(shades.get(0));
                List<Integer> minutes = io.borderline.features.Layers.TIME_RING_MINUTES;
                for (int i = 1; i < minutes.size(); i++) {
                    color.add(minutes.get(i)).add(shades.get(Math.min(i, shades.size() - 1)));
                }
                paint.put("line-width", 1.4);
                paint.putArray("line-dasharray").add(3).add(2);
                ObjectNode meta = l.putObject("metadata");
                meta.put("borderline:title", d.name() + " from " + source.nameEn() + ": minutes of flight at "
                    + Params.fmt(d.fastestSpeedKmh()) + " km/h (a straight-line lower bound of the warning time)");
                meta.put("borderline:speed_kmh", d.fastestSpeedKmh());
                meta.set("borderline:minutes", Json.MAPPER.valueToTree(minutes));
            }
        }
    }

    private static ObjectNode layer(ArrayNode layers, String id, String type, String sourceLayer) {
        ObjectNode l = layers.addObject();
        l.put("id", id);
        l.put("type", type);
        l.put("source", "borderline");
        l.put("source-layer", sourceLayer);
        return l;
    }
}

package io.borderline.kml;

import io.borderline.features.Feature;
import io.borderline.render.Geodesics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * What a claim looks like in Google Earth besides its pin: the claimed distance as a geodesic circle around
 * the place, and the measured distance as the geodesic to the nearest border point with that point marked
 * (GeographicLib on WGS84, densified so the lines follow the geodesic on any globe or map). Built from the
 * claims layer's features (their point, {@code claimed_km}, {@code measured_km} and nearest point). Stateless.
 */
public final class ClaimKml {
    /** Vertices of a claimed circle: one per degree of azimuth. */
    static final int CIRCLE_VERTICES = 360;
    /** Most metres between two vertices of a measured geodesic. */
    static final double LINE_STEP_M = 250;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private ClaimKml() {}

    /** The folders to add after the claims' own: claimed circles, then measured lines and nearest points. */
    public static List<KmlWriter.Folder> folders(List<Feature> claims) {
        List<Feature> circles = new ArrayList<>();
        List<Feature> measured = new ArrayList<>();
        for (Feature f : claims) {
            if (!(f.geometry() instanceof Point place)) {
                continue;
            }
            String who = String.valueOf(f.properties().get("place"));
            double claimedKm = ((Number) f.properties().get("claimed_km")).doubleValue();
            double measuredKm = ((Number) f.properties().get("measured_km")).doubleValue();
            double lat = place.getY();
            double lon = place.getX();
            circles.add(new Feature(f.id() + "-claimed", Geodesics.circle(lat, lon, claimedKm * 1000, CIRCLE_VERTICES),
                props(f, who + ": claimed " + km(claimedKm) + " km", "claimed_km", claimedKm)));
            if (measuredKm > 0) {
                double nLat = ((Number) f.properties().get("nearest_lat")).doubleValue();
                double nLon = ((Number) f.properties().get("nearest_lon")).doubleValue();
                measured.add(new Feature(f.id() + "-measured", Geodesics.line(lat, lon, nLat, nLon, LINE_STEP_M),
                    props(f, who + ": measured " + km(measuredKm) + " km", "measured_km", measuredKm)));
                measured.add(new Feature(f.id() + "-nearest", FACTORY.createPoint(new Coordinate(nLon, nLat)),
                    props(f, "Nearest border point to " + who, "measured_km", measuredKm)));
            }
        }
        return List.of(new KmlWriter.Folder("Claimed distances (geodesic circles)", KmlStyle.CLAIMED, circles),
            new KmlWriter.Folder("Measured distances (geodesic to the nearest border point)", KmlStyle.MEASURED,
                measured));
    }

    private static Map<String, Object> props(Feature claim, String name, String key, double km) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("claim", claim.id());
        p.put(key, km);
        p.put("dataset", claim.properties().get("dataset"));
        return p;
    }

    private static String km(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}

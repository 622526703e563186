package io.borderline.render;

import java.util.Locale;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A map projection from WGS84 longitude/latitude to projected metres, by Proj4J. Two are
 * offered, both Lambert azimuthal equal-area on the ellipsoid, so areas on the map compare
 * truly (a coverage map is about how much land lies in range):
 * <ul>
 * <li>{@link #local}: centred on the map, so distortion is smallest where the map is and north
 *     is straight up at its centre;</li>
 * <li>{@link #etrsLaea}: ETRS89-LAEA Europe (EPSG:3035), the European statistical grid, centred
 *     at 52°N 10°E: around the Baltic states grid north is turned by about 12° from true north,
 *     so maps in it carry a north arrow. ETRS89 and WGS84 differ by well under a metre here.</li>
 * </ul>
 * Instances are not thread-safe (Proj4J transforms keep state); create one per map.
 */
public final class MapProjection {
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final CoordinateReferenceSystem WGS84 =
        CRS.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");

    private final String id;
    private final String description;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private MapProjection(String id, String description, String proj4) {
        CoordinateReferenceSystem crs = CRS.createFromParameters(id, proj4);
        this.id = id;
        this.description = description;
        this.forward = TRANSFORMS.createTransform(WGS84, crs);
        this.inverse = TRANSFORMS.createTransform(crs, WGS84);
    }

    /** Lambert azimuthal equal-area on WGS84 centred at the given point, degrees. */
    public static MapProjection local(double lat0, double lon0) {
        String s = String.format(Locale.ROOT, "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84"
            + " +units=m +no_defs", lat0, lon0);
        return new MapProjection("local", String.format(Locale.ROOT,
            "Lambert azimuthal equal-area, WGS84, centred on %.2f°%s %.2f°%s", Math.abs(lat0), lat0 >= 0 ? "N" : "S",
            Math.abs(lon0), lon0 >= 0 ? "E" : "W"), s);
    }

    /** ETRS89-LAEA Europe, EPSG:3035 (GRS80; ETRS89 taken as WGS84). */
    public static MapProjection etrsLaea() {
        return new MapProjection("EPSG:3035", "ETRS89-LAEA Europe (EPSG:3035)",
            "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs");
    }

    /** "local" or "EPSG:3035". */
    public String id() {
        return id;
    }

    /** Human-readable name for the map's caption. */
    public String description() {
        return description;
    }

    /** Projected {x, y} metres of a longitude/latitude in degrees. */
    public double[] project(double lon, double lat) {
        in.x = lon;
        in.y = lat;
        forward.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** {lon, lat} degrees of projected metres. */
    public double[] inverse(double x, double y) {
        in.x = x;
        in.y = y;
        inverse.transform(in, out);
        return new double[] {out.x, out.y};
    }
}

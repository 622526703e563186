package io.borderline.projection;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems features can be served in (OGC API Features Part 2), with their
 * authority axis order: EPSG:4326 is latitude first, and the European grids (3035, 2180, 3346,
 * 3059, 3301) are northing first, as the EPSG registry defines them; CRS84 and EPSG:3857 are
 * easting (longitude) first. Projections by Proj4J from WGS84 longitude/latitude (the ETRS89,
 * LKS-92, LKS-94 and PL-ETRF2000 datums are treated as WGS84, a difference below 1 m).
 */
public enum OutputCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", null, false, true, null),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", null, true, true, null),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857", false, false, null),
    // Lambert azimuthal equal-area centred on 52 N 10 E: the quarter-sphere box around its centre
    EPSG_3035("http://www.opengis.net/def/crs/EPSG/0/3035", "EPSG:3035", true, false, new Envelope(-80, 100, 0, 90)),
    // transverse Mercator grids: 45 degrees either side of the central meridian (19 E and 24 E)
    EPSG_2180("http://www.opengis.net/def/crs/EPSG/0/2180", "EPSG:2180", true, false, new Envelope(-26, 64, -90, 90)),
    EPSG_3346("http://www.opengis.net/def/crs/EPSG/0/3346", "EPSG:3346", true, false, new Envelope(-21, 69, -90, 90)),
    EPSG_3059("http://www.opengis.net/def/crs/EPSG/0/3059", "EPSG:3059", true, false, new Envelope(-21, 69, -90, 90)),
    // Lambert conformal conic with northern standard parallels: the south pole is at infinity
    EPSG_3301("http://www.opengis.net/def/crs/EPSG/0/3301", "EPSG:3301", true, false, new Envelope(-66, 114, 0, 90));

    /** Web Mercator is undefined at the poles; latitudes are clamped to its square world. */
    private static final double MERCATOR_MAX_LAT = 85.05112878;

    private final String uri;
    private final String proj4jName;
    private final boolean secondAxisFirst;
    private final boolean geographic;
    private final Envelope domain;
    private volatile CoordinateReferenceSystem system;

    OutputCrs(String uri, String proj4jName, boolean secondAxisFirst, boolean geographic, Envelope domain) {
        this.uri = uri;
        this.proj4jName = proj4jName;
        this.secondAxisFirst = secondAxisFirst;
        this.geographic = geographic;
        this.domain = domain;
    }

    /**
     * The longitude/latitude box, degrees, where this projection is served (null: everywhere). It is wider
     * than the EPSG area of use, as GIS servers' projection handlers clip: a Baltic grid still draws its
     * neighbours, but Argentina in LAEA Europe, which Proj4J answers with NaN or a torn outline, is cut off.
     */
    public Envelope domain() {
        return domain;
    }

    public String uri() {
        return uri;
    }

    /** True for longitude/latitude systems (coordinates in degrees, 7 decimals); false for metres. */
    public boolean geographic() {
        return geographic;
    }

    /** True when the authority's first axis is latitude or northing (EPSG:4326 and the European grids). */
    public boolean northingFirst() {
        return secondAxisFirst;
    }

    /** The names of the two axes in this CRS's authority order, e.g. {@code [northing, easting]}. */
    public List<String> axes() {
        List<String> eastNorth = geographic ? List.of("longitude", "latitude") : List.of("easting", "northing");
        return secondAxisFirst ? List.of(eastNorth.get(1), eastNorth.get(0)) : eastNorth;
    }

    /** Every supported CRS URI, CRS84 first. */
    public static List<String> uris() {
        return java.util.Arrays.stream(values()).map(OutputCrs::uri).toList();
    }

    /** Looks a CRS up by URI (also accepts the {@code [EPSG:4326]} safe-CURIE and {@code EPSG:4326} forms). */
    public static Optional<OutputCrs> parse(String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        for (OutputCrs c : values()) {
            String code = c.uri.substring(c.uri.lastIndexOf('/') + 1);
            String authority = c == CRS84 ? "OGC:CRS84" : "EPSG:" + code;
            if (c.uri.equals(v) || authority.equalsIgnoreCase(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of {@code lonLat} (WGS84 longitude/latitude) in this CRS, in its authority axis order, clipped
     * first to the projection's {@link #domain()}; empty when nothing of it lies there.
     */
    public Geometry fromLonLat(Geometry lonLat) {
        if (this == CRS84) {
            return lonLat;
        }
        lonLat = clipToDomain(lonLat);
        CoordinateTransform t = geographic ? null : transform();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate projected = new ProjCoordinate();
        CoordinateMap toCrs = (lon, lat, out) -> {
            double x = lon;
            double y = lat;
            if (t != null) {
                in.x = lon;
                in.y = this == EPSG_3857 ? Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat)) : lat;
                t.transform(in, projected);
                x = projected.x;
                y = projected.y;
            }
            out[0] = secondAxisFirst ? y : x;
            out[1] = secondAxisFirst ? x : y;
        };
        return toCrs.applyTo(lonLat);
    }

    /** {@code lonLat} clipped to the {@link #domain()} (itself when it lies inside; empty when wholly outside). */
    public Geometry clipToDomain(Geometry lonLat) {
        Envelope box = domain;
        if (box == null || box.contains(lonLat.getEnvelopeInternal())) {
            return lonLat;
        }
        if (!box.intersects(lonLat.getEnvelopeInternal())) {
            return lonLat.getFactory().createEmpty(lonLat.getDimension());
        }
        Geometry clipped = OverlayNGRobust.overlay(lonLat, lonLat.getFactory().toGeometry(box), OverlayNG.INTERSECTION);
        // keep the feature's own dimension and type (an overlay may add the lines where an area meets the box's
        // edge; a MultiPolygon stays one even when a single polygon is left)
        GeometryFactory f = lonLat.getFactory();
        if (lonLat.getDimension() == 2) {
            List<Polygon> polygons = PolygonExtracter.getPolygons(clipped);
            return lonLat instanceof Polygon && polygons.size() == 1 ? polygons.get(0)
                : f.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        if (lonLat.getDimension() == 1) {
            List<LineString> lines = LineStringExtracter.getLines(clipped);
            return lonLat instanceof LineString && lines.size() == 1 ? lines.get(0)
                : f.createMultiLineString(lines.toArray(LineString[]::new));
        }
        return clipped;
    }

    /** WGS84 longitude/latitude of a point given in this CRS's axis order. */
    public double[] toLonLat(double first, double second) {
        double x = secondAxisFirst ? second : first;
        double y = secondAxisFirst ? first : second;
        if (geographic) {
            return new double[] {x, y};
        }
        ProjCoordinate out = new ProjCoordinate();
        inverse().transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }

    /**
     * A copy of {@code inCrs} (coordinates in this CRS's axis order) in WGS84 longitude/latitude. Each vertex
     * is transformed exactly; straight edges between vertices are not bent, so densify lines first. A vertex
     * outside the projection's domain comes back as NaN.
     */
    public Geometry toLonLat(Geometry inCrs) {
        CoordinateTransform t = geographic ? null : inverse();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate lonLat = new ProjCoordinate();
        CoordinateMap toWgs84 = (first, second, out) -> {
            double x = secondAxisFirst ? second : first;
            double y = secondAxisFirst ? first : second;
            if (t != null) {
                in.x = x;
                in.y = y;
                try {
                    t.transform(in, lonLat);
                    x = lonLat.x;
                    y = lonLat.y;
                } catch (RuntimeException outsideDomain) {
                    x = Double.NaN;
                    y = Double.NaN;
                }
            }
            out[0] = x;
            out[1] = y;
        };
        return toWgs84.applyTo(inCrs);
    }

    // Proj4J transforms keep scratch state, so each call gets its own; the parsed systems are shared.
    private CoordinateTransform transform() {
        return new CoordinateTransformFactory().createTransform(Systems.WGS84, system());
    }

    private CoordinateTransform inverse() {
        return new CoordinateTransformFactory().createTransform(system(), Systems.WGS84);
    }

    private CoordinateReferenceSystem system() {
        CoordinateReferenceSystem s = system;
        if (s == null) {
            s = Systems.FACTORY.createFromName(proj4jName);
            system = s;
        }
        return s;
    }

    private static final class Systems {
        static final CRSFactory FACTORY = new CRSFactory();
        static final CoordinateReferenceSystem WGS84 = FACTORY.createFromName("EPSG:4326");
    }
}

package io.borderline.render;

import io.borderline.geodesy.Wgs84;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import net.sf.geographiclib.GeodesicData;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Where the map frame shows the Earth: a {@link MapProjection} and the similarity transform from
 * projected metres to image pixels (y down). The frame shows at least {@code extent} and is
 * centred on it. Geometries (longitude/latitude) become Java2D shapes through JTS's
 * {@link ShapeWriter}, projecting every vertex. Not thread-safe (the projection keeps state).
 */
public final class MapView {
    private final MapProjection projection;
    private final Rectangle2D frame;
    private final double centreX;
    private final double centreY;
    /** Pixels per projected metre. */
    private final double scale;

    /**
     * @param projection the projection
     * @param frame the map frame in image pixels
     * @param extent projected envelope (metres) the frame must show; it is centred and the
     *     smaller dimension padded to the frame's aspect ratio
     */
    public MapView(MapProjection projection, Rectangle2D frame, Envelope extent) {
        this.projection = projection;
        this.frame = frame;
        this.centreX = extent.centre().x;
        this.centreY = extent.centre().y;
        double w = Math.max(extent.getWidth(), 1);
        double h = Math.max(extent.getHeight(), 1);
        this.scale = Math.min(frame.getWidth() / w, frame.getHeight() / h);
    }

    public MapProjection projection() {
        return projection;
    }

    public Rectangle2D frame() {
        return frame;
    }

    /** Pixel of projected metres. */
    public Point2D toPixel(double x, double y) {
        return new Point2D.Double(frame.getCenterX() + (x - centreX) * scale, frame.getCenterY() - (y - centreY) * scale);
    }

    /** Pixel of a latitude/longitude, degrees. */
    public Point2D pixelOf(double lat, double lon) {
        double[] p = projection.project(lon, lat);
        return toPixel(p[0], p[1]);
    }

    /** {lat, lon} degrees of an image pixel; NaN where the projection has no inverse (beyond its domain). */
    public double[] latLonOf(double px, double py) {
        double x = centreX + (px - frame.getCenterX()) / scale;
        double y = centreY - (py - frame.getCenterY()) / scale;
        double[] ll;
        try {
            ll = projection.inverse(x, y);
        } catch (RuntimeException beyondTheProjection) {
            return new double[] {Double.NaN, Double.NaN}; // a frame reaching past where the projection is defined
        }
        return new double[] {ll[1], ll[0]};
    }

    /** The longitude/latitude envelope of the frame (its edges sampled), degrees. */
    public Envelope geographicBounds() {
        Envelope env = new Envelope();
        int n = 16;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double[][] edge = {
                {frame.getMinX() + t * frame.getWidth(), frame.getMinY()},
                {frame.getMinX() + t * frame.getWidth(), frame.getMaxY()},
                {frame.getMinX(), frame.getMinY() + t * frame.getHeight()},
                {frame.getMaxX(), frame.getMinY() + t * frame.getHeight()}};
            for (double[] px : edge) {
                double[] ll;
                try {
                    ll = latLonOf(px[0], px[1]);
                } catch (RuntimeException beyondTheProjection) {
                    return WORLD; // the frame reaches past where the projection is defined (a source spanning the globe)
                }
                if (!Double.isFinite(ll[0]) || !Double.isFinite(ll[1])) {
                    return WORLD;
                }
                env.expandToInclude(ll[1], ll[0]);
            }
        }
        return env;
    }

    /** Every longitude and latitude: the bounds of a frame whose edge leaves the projection's domain. */
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    /** Size of one image pixel at the frame's centre, horizontally, in metres on the ellipsoid. */
    public double metresPerPixelAtCentre() {
        return metresAlongHorizontal(100) / 100;
    }

    /**
     * True geodesic length (GeographicLib, WGS84), metres, of a horizontal segment of
     * {@code lengthPx} pixels centred on the frame's centre.
     */
    public double metresAlongHorizontal(double lengthPx) {
        double cx = frame.getCenterX();
        double cy = frame.getCenterY();
        double[] a = latLonOf(cx - lengthPx / 2, cy);
        double[] b = latLonOf(cx + lengthPx / 2, cy);
        GeodesicData g = Wgs84.GEODESIC.Inverse(a[0], a[1], b[0], b[1]);
        return g.s12;
    }

    /**
     * Angle from "up" on the map to true north at the frame's centre, degrees, positive when
     * north points to the right of up (clockwise). 0 for a projection centred on the map.
     */
    public double northAngleDeg() {
        double[] c = latLonOf(frame.getCenterX(), frame.getCenterY());
        double dLat = Math.min(0.01, 89.999 - c[0]);
        Point2D p0 = pixelOf(c[0], c[1]);
        Point2D p1 = pixelOf(c[0] + dLat, c[1]);
        return Math.toDegrees(Math.atan2(p1.getX() - p0.getX(), p0.getY() - p1.getY()));
    }

    /** The geometry (longitude/latitude) as a Java2D shape in image pixels. */
    public Shape shape(Geometry lonLat) {
        ShapeWriter writer = new ShapeWriter((Coordinate src, Point2D dest) -> {
            double[] p = projection.project(src.x, src.y);
            dest.setLocation(frame.getCenterX() + (p[0] - centreX) * scale, frame.getCenterY() - (p[1] - centreY) * scale);
        });
        writer.setRemoveDuplicatePoints(true);
        // ShapeWriter decimates in model units (degrees): a quarter pixel at this scale
        writer.setDecimation(0.25 / scale / 111_320);
        return writer.toShape(lonLat);
    }

    /** Pixels per projected metre. */
    public double pixelsPerMetre() {
        return scale;
    }
}

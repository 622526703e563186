package io.borderline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.borderline.geodesy.Wgs84;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import net.sf.geographiclib.PolygonArea;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Projection, scale bar and north arrow against GeographicLib. */
class MapViewTest {
    private static final Rectangle2D FRAME = new Rectangle2D.Double(20, 80, 1880, 900);

    private static MapView view(MapProjection p, double lat, double lon, double halfWidthM) {
        double[] c = p.project(lon, lat);
        return new MapView(p, FRAME, new Envelope(c[0] - halfWidthM, c[0] + halfWidthM, c[1] - halfWidthM / 2,
            c[1] + halfWidthM / 2));
    }

    /** The bar's pixel length, laid across the map centre, spans its labelled distance on the ellipsoid. */
    private static void assertBarIsTrue(MapView v) {
        ScaleBar bar = ScaleBar.fit(v.metresPerPixelAtCentre(), 300);
        double cx = FRAME.getCenterX();
        double cy = FRAME.getCenterY();
        double[] a = v.latLonOf(cx - bar.lengthPx() / 2, cy);
        double[] b = v.latLonOf(cx + bar.lengthPx() / 2, cy);
        double trueM = Wgs84.GEODESIC.Inverse(a[0], a[1], b[0], b[1]).s12;
        assertThat(trueM).isCloseTo(bar.lengthM(), within(bar.lengthM() * 1e-4));
        assertThat(bar.lengthPx()).isBetween(100.0, 300.0);
    }

    @Test
    void scaleBarLengthIsTheGeodesicDistanceAtTheCentreInTheLocalProjection() {
        assertBarIsTrue(view(MapProjection.local(53.7, 27.9), 53.7, 27.9, 450_000));
        assertBarIsTrue(view(MapProjection.local(59.38, 28.19), 59.38, 28.19, 2_000));
    }

    @Test
    void scaleBarInEpsg3035IsTrueWhereTheNominalGridScaleIsNot() {
        MapView v = view(MapProjection.etrsLaea(), 55.5, 28.0, 450_000);
        assertBarIsTrue(v);
        // one projected metre is not one metre on the ground here: a nominal bar would be off
        double nominalMPerPx = 1 / v.pixelsPerMetre();
        double trueMPerPx = v.metresPerPixelAtCentre();
        assertThat(Math.abs(nominalMPerPx / trueMPerPx - 1)).isGreaterThan(0.002);
    }

    @Test
    void lambertAzimuthalKeepsAreasOnTheEllipsoid() {
        MapProjection p = MapProjection.local(54, 26);
        double lat = 60;
        double lon = 36;
        double d = 0.05;
        PolygonArea pa = new PolygonArea(Wgs84.GEODESIC, false);
        pa.AddPoint(lat, lon);
        pa.AddPoint(lat, lon + d);
        pa.AddPoint(lat + d, lon + d);
        pa.AddPoint(lat + d, lon);
        double ellipsoidal = Math.abs(pa.Compute().area);
        double[][] c = {p.project(lon, lat), p.project(lon + d, lat), p.project(lon + d, lat + d), p.project(lon, lat + d)};
        double planar = 0;
        for (int i = 0; i < 4; i++) {
            planar += c[i][0] * c[(i + 1) % 4][1] - c[(i + 1) % 4][0] * c[i][1];
        }
        assertThat(Math.abs(planar) / 2 / ellipsoidal).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void northIsUpInTheLocalProjectionAndTurnedInEpsg3035() {
        assertThat(Math.abs(view(MapProjection.local(53.7, 27.9), 53.7, 27.9, 450_000).northAngleDeg()))
            .isLessThan(MapRenderer.NORTH_ARROW_THRESHOLD_DEG);
        double turned = view(MapProjection.etrsLaea(), 53.7, 27.9, 450_000).northAngleDeg();
        // meridian convergence east of EPSG:3035's central meridian (10°E): north leans west (left)
        assertThat(turned).isBetween(-16.0, -10.0);
    }

    @Test
    void pixelsAndCoordinatesRoundTrip() {
        MapView v = view(MapProjection.local(55, 25), 55, 25, 300_000);
        Point2D px = v.pixelOf(54.68916, 25.2798);
        double[] ll = v.latLonOf(px.getX(), px.getY());
        assertThat(ll[0]).isCloseTo(54.68916, within(1e-8));
        assertThat(ll[1]).isCloseTo(25.2798, within(1e-8));
    }

    @Test
    void roundScaleBarLengths() {
        assertThat(ScaleBar.fit(1000, 170).lengthM()).isEqualTo(100_000);
        assertThat(ScaleBar.fit(1000, 230).lengthM()).isEqualTo(200_000);
        assertThat(ScaleBar.fit(2, 300).lengthM()).isEqualTo(500);
        assertThat(ScaleBar.fit(2, 300).unit()).isEqualTo("m");
    }
}

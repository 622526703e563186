package io.borderline.coverage;

import io.borderline.geodesy.LatLon;
import io.borderline.geodesy.Wgs84;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Range fan on WGS84: the points a geodesic from one apex reaches with an initial azimuth inside a {@link Sector}
 * and a length between the sector's minimum range and R (Esri's "range fan"; with a minimum range, an annular
 * sector; for a full circle with a minimum range, a donut).
 *
 * <p>Method: (1) the outer arc is a run of points at exactly R along geodesics from the apex (GeographicLib's direct
 * solution), from the first azimuth clockwise to the last, as many as a circle needs at the tolerance; the inner
 * arc, at the minimum range, runs back the other way (or the apex closes the fan); (2) the two bounding radials are
 * geodesics from the apex, sampled at points of exact distance along {@link GeodesicLine}s; (3) every edge whose
 * longitude/latitude midpoint strays more than half the tolerance from where the exact curve passes (R for an arc,
 * the geodesic for a radial) is split at an exact point, recursively. Every vertex is thus an exact solution: the
 * outline error is only the straight-edge sagitta, bounded by step (3). Fans whose area crosses the antimeridian
 * are split into parts on either side (RFC 7946 §3.1.9); a fan that holds a pole is closed through it, as a coverage
 * is ({@link GeodesicBuffer#aroundPole}), and one whose outline passes within the tolerance of a pole is refused.
 *
 * <p>Thread-safe: stateless apart from its parameters.
 */
public final class GeodesicFan {
    private static final int MAX_SPLIT_DEPTH = 12;

    private final GeometryFactory factory;

    public GeodesicFan(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * @param source a point source (one site or one point): the apex
     * @param rangeM outer range R, metres (1 to 2,500 km)
     * @param sector the azimuths and minimum range kept
     */
    public Coverage compute(Source source, double rangeM, Sector sector) {
        if (!(rangeM >= GeodesicBuffer.MIN_RANGE_M && rangeM <= GeodesicBuffer.MAX_RANGE_M)) {
            throw new IllegalArgumentException("range " + rangeM + " m outside 1 to 2,500 km");
        }
        if (source.geometry().getNumPoints() != 1 || source.geometry().getDimension() != 0) {
            throw new IllegalArgumentException("a range fan needs one apex point, got " + source.kind() + " "
                + source.ids());
        }
        if (sector.minRangeM() >= rangeM) {
            throw new IllegalArgumentException("minimum range " + sector.minRangeM() + " m is not below R " + rangeM);
        }
        long t0 = System.nanoTime();
        Coordinate c = source.geometry().getCoordinate();
        LatLon apex = new LatLon(c.y, c.x);
        double tol = GeodesicBuffer.toleranceM(rangeM);
        Ring ring = new Ring(apex, tol, poleWithin(apex, rangeM, tol, sector));
        Geometry fan;
        if (sector.fullCircle()) {
            LinearRing outer = ring.close(ring.arc(rangeM, 0, 360));
            LinearRing inner = ring.close(ring.arc(sector.minRangeM(), 360, 0));
            if (GeodesicBuffer.closedThroughAPole(inner)) {
                // the pole lies within the minimum range: the band between two caps. Each cap spans 360° of longitude
                // from its own meridian of closure, so the inner one is taken a turn either side as well to cover
                // the outer one's span
                Geometry cap = factory.createPolygon(inner);
                Geometry hole = org.locationtech.jts.operation.overlayng.OverlayNGRobust.union(List.of(cap,
                    AffineTransformation.translationInstance(-360, 0).transform(cap),
                    AffineTransformation.translationInstance(360, 0).transform(cap)));
                fan = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(factory.createPolygon(outer),
                    hole, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
            } else {
                fan = GeodesicBuffer.intoPolarSpan(List.of(factory.createPolygon(outer, new LinearRing[] {inner})), factory)
                    .get(0); // the hole within the cap's span of longitude, if the outer ring is one
            }
        } else {
            double from = sector.azimuthFromDeg();
            double to = from + sector.widthDeg();
            List<Coordinate> out = ring.arc(rangeM, from, to);
            ring.radial(to, rangeM, sector.minRangeM(), out);
            if (sector.minRangeM() > 0) {
                out.addAll(ring.arc(sector.minRangeM(), to, from));
            } else {
                out.add(ring.point(from, 0));
            }
            ring.radial(from, sector.minRangeM(), rangeM, out);
            fan = factory.createPolygon(ring.close(out));
        }
        Geometry result = GeodesicBuffer.splitAtAntimeridian(io.borderline.topology.PolygonRepair.fix(fan), factory);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Coverage(source, rangeM, tol, result, ring.maxError, 0, ms);
    }

    /**
     * The pole within the outer range (+1 north, -1 south, 0 neither): a ring of the fan that winds round it is closed
     * through it. The north pole lies on the geodesic of azimuth 0 from any apex, the south pole on azimuth 180; a pole
     * within the tolerance of the fan's outline (an arc, or a bounding radial pointing at it) is refused, as no side
     * of it can be told.
     */
    private static int poleWithin(LatLon apex, double rangeM, double tol, Sector sector) {
        int within = 0;
        for (int pole : new int[] {1, -1}) {
            double d = Wgs84.GEODESIC.Inverse(apex.lat(), apex.lon(), 90.0 * pole, 0, GeodesicMask.DISTANCE).s12;
            double towards = pole > 0 ? 0 : 180;
            boolean towardsIt = sector.fullCircle() || sector.contains(towards); // the arcs pass it only that way
            boolean onArc = towardsIt && (Math.abs(d - rangeM) <= tol
                || sector.minRangeM() > 0 && Math.abs(d - sector.minRangeM()) <= tol);
            boolean onRadial = !sector.fullCircle() && d <= rangeM + tol && d >= sector.minRangeM() - tol
                && (Math.abs(Math.IEEEremainder(sector.azimuthFromDeg() - towards, 360)) < 1e-9
                    || Math.abs(Math.IEEEremainder(sector.azimuthFromDeg() + sector.widthDeg() - towards, 360)) < 1e-9);
            if (onArc || onRadial) {
                throw new CoverageLimitException("the range fan's outline would pass through the "
                    + (pole > 0 ? "North" : "South") + " Pole; use another range or sector");
            }
            if (d < rangeM) {
                within = pole;
            }
        }
        return within;
    }

    /** Builds one outline from exact points, with continuous longitudes. */
    private final class Ring {
        final LatLon apex;
        final double tol;
        /** The pole within the outer range, or 0: a ring winding round it is closed through it. */
        final int pole;
        double maxError;

        Ring(LatLon apex, double tol, int pole) {
            this.apex = apex;
            this.tol = tol;
            this.pole = pole;
        }

        /** The point at distance s along the geodesic leaving the apex at azimuth azi. */
        Coordinate point(double azi, double s) {
            if (s == 0) {
                return new Coordinate(apex.lon(), apex.lat());
            }
            GeodesicData g = Wgs84.GEODESIC.Direct(apex.lat(), apex.lon(), azi, s,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL);
            return new Coordinate(g.lon2, g.lat2);
        }

        /** Points at distance r from azimuth a0 to a1 (either direction), the edges split until within tolerance. */
        List<Coordinate> arc(double r, double a0, double a1) {
            double span = Math.abs(a1 - a0);
            double arcTol = GeodesicBuffer.toleranceM(r);
            int perCircle = (int) Math.ceil(Math.PI / Math.acos(1 - Math.min(arcTol / r, 1)));
            int n = Math.max(2, (int) Math.ceil(perCircle * span / 360.0));
            List<Coordinate> out = new ArrayList<>();
            Coordinate prev = null;
            double prevAzi = a0;
            for (int i = 0; i <= n; i++) {
                double azi = a0 + (a1 - a0) * i / n;
                Coordinate p = point(azi, r);
                if (prev != null) {
                    splitArc(r, arcTol, prevAzi, prev, azi, p, out, 0);
                }
                out.add(p);
                maxError = Math.max(maxError, Math.abs(Wgs84.GEODESIC.Inverse(apex.lat(), apex.lon(), p.y, p.x,
                    GeodesicMask.DISTANCE).s12 - r));
                prev = p;
                prevAzi = azi;
            }
            return out;
        }

        private void splitArc(double r, double arcTol, double aziA, Coordinate a, double aziB, Coordinate b,
                              List<Coordinate> out, int depth) {
            Coordinate mid = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
            double err = Math.abs(Wgs84.GEODESIC.Inverse(apex.lat(), apex.lon(), mid.y, mid.x,
                GeodesicMask.DISTANCE).s12 - r);
            if (err <= arcTol / 2 || depth >= MAX_SPLIT_DEPTH) {
                return;
            }
            double aziM = (aziA + aziB) / 2;
            Coordinate m = point(aziM, r);
            splitArc(r, arcTol, aziA, a, aziM, m, out, depth + 1);
            out.add(m);
            splitArc(r, arcTol, aziM, m, aziB, b, out, depth + 1);
        }

        /** Points along the radial at azimuth azi from distance s0 to s1 (exclusive of both ends). */
        void radial(double azi, double s0, double s1, List<Coordinate> out) {
            GeodesicLine line = Wgs84.GEODESIC.Line(apex.lat(), apex.lon(), azi,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN);
            int n = Math.max(1, (int) Math.ceil(Math.abs(s1 - s0) / 50_000)); // a first step of at most 50 km
            Coordinate prev = at(line, s0);
            for (int i = 1; i <= n; i++) {
                double s = s0 + (s1 - s0) * i / n;
                Coordinate p = at(line, s);
                splitRadial(line, s0 + (s1 - s0) * (i - 1) / n, prev, s, p, out, 0);
                if (i < n) {
                    out.add(p);
                }
                prev = p;
            }
        }

        private Coordinate at(GeodesicLine line, double s) {
            if (s == 0) {
                return new Coordinate(apex.lon(), apex.lat());
            }
            GeodesicData g = line.Position(s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL);
            return new Coordinate(g.lon2, g.lat2);
        }

        private void splitRadial(GeodesicLine line, double sA, Coordinate a, double sB, Coordinate b,
                                 List<Coordinate> out, int depth) {
            Coordinate mid = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
            Coordinate exact = at(line, (sA + sB) / 2);
            double err = Wgs84.GEODESIC.Inverse(mid.y, mid.x, exact.y, exact.x, GeodesicMask.DISTANCE).s12;
            if (err <= tol / 2 || depth >= MAX_SPLIT_DEPTH) {
                return;
            }
            double sM = (sA + sB) / 2;
            splitRadial(line, sA, a, sM, exact, out, depth + 1);
            out.add(exact);
            splitRadial(line, sM, exact, sB, b, out, depth + 1);
        }

        /** The points as a closed ring, longitudes unwrapped to run continuously. */
        LinearRing close(List<Coordinate> pts) {
            List<Coordinate> out = new ArrayList<>(pts.size() + 1);
            for (Coordinate p : pts) {
                Coordinate q = new Coordinate(p);
                if (!out.isEmpty()) {
                    q.x = GeodesicBuffer.unwrap(q.x, out.get(out.size() - 1).x);
                    if (q.equals2D(out.get(out.size() - 1))) {
                        continue;
                    }
                }
                out.add(q);
            }
            Coordinate first = out.get(0);
            Coordinate closing = new Coordinate(first);
            closing.x = GeodesicBuffer.unwrap(closing.x, out.get(out.size() - 1).x);
            if (Math.abs(closing.x - first.x) > 1e-9) { // winds round a pole: the one within range
                if (pole == 0) {
                    throw new CoverageLimitException("the range fan outline encircles a pole it does not hold;"
                        + " use a smaller range");
                }
                return factory.createLinearRing(GeodesicBuffer.aroundPole(out, closing.x - first.x, pole));
            }
            out.add(new Coordinate(first));
            return factory.createLinearRing(out.toArray(Coordinate[]::new));
        }
    }
}

package io.borderline.geodesy;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Splits every edge longer than a geodesic length into equal parts, interpolating linearly in
 * longitude and latitude. JTS's own {@code Densifier} works in coordinate units (degrees), which
 * at 60°N means half the distance east-west as north-south; this one works in metres.
 */
public final class Densifier {
    private Densifier() {}

    public static Geometry densify(Geometry geometry, double maxEdgeM) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence seq, Geometry parent) {
                List<Coordinate> out = new ArrayList<>(seq.size());
                for (int i = 0; i < seq.size(); i++) {
                    Coordinate c = seq.getCoordinateCopy(i);
                    if (i > 0) {
                        Coordinate p = seq.getCoordinate(i - 1);
                        double len = Wgs84.GEODESIC.Inverse(p.y, p.x, c.y, c.x).s12;
                        int parts = (int) Math.ceil(len / maxEdgeM);
                        // the pieces follow the edge linearly in longitude and latitude, which can be longer
                        // than its geodesic (along a parallel near a pole much longer): add pieces until none
                        // is over the limit
                        for (double longest = longestPiece(p, c, parts); parts > 1 && longest > maxEdgeM;
                             longest = longestPiece(p, c, parts)) {
                            parts = (int) Math.ceil(parts * longest / maxEdgeM * 1.01);
                        }
                        for (int k = 1; k < parts; k++) {
                            double t = (double) k / parts;
                            out.add(new Coordinate(p.x + t * (c.x - p.x), p.y + t * (c.y - p.y)));
                        }
                    }
                    out.add(c);
                }
                return factory.getCoordinateSequenceFactory().create(out.toArray(Coordinate[]::new));
            }
        }.transform(geometry);
    }

    /** The longest geodesic of the edge's pieces when split linearly in longitude and latitude. */
    private static double longestPiece(Coordinate p, Coordinate c, int parts) {
        double longest = 0;
        for (int k = 0; k < parts; k++) {
            double t0 = (double) k / parts;
            double t1 = (double) (k + 1) / parts;
            longest = Math.max(longest, Wgs84.GEODESIC.Inverse(p.y + t0 * (c.y - p.y), p.x + t0 * (c.x - p.x),
                p.y + t1 * (c.y - p.y), p.x + t1 * (c.x - p.x)).s12);
        }
        return longest;
    }
}

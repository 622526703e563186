package io.borderline.projection;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A point-by-point map of planar coordinates (a projection, an axis swap), applied to geometry copies. */
@FunctionalInterface
public interface CoordinateMap {

    /** Maps (x, y) and writes the result into {@code out[0]}, {@code out[1]}. */
    void map(double x, double y, double[] out);

    /** A copy of {@code g} with every coordinate mapped; {@code g} itself is left alone. */
    default Geometry applyTo(Geometry g) {
        Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                map(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, 0, out[0]);
                seq.setOrdinate(i, 1, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}

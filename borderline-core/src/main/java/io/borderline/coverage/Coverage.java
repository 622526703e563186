package io.borderline.coverage;

import org.locationtech.jts.geom.Geometry;

/**
 * A computed coverage: every point within {@code rangeM} of the source, as a valid
 * longitude/latitude (Multi)Polygon whose boundary vertices all lie at {@code rangeM} ±
 * {@code toleranceM} from the source, measured geodesically on WGS84.
 *
 * @param source the source
 * @param rangeM the range, metres
 * @param toleranceM the outline tolerance, max(0.1 % of R, 20 m)
 * @param geometry the coverage, source included (longitude/latitude; antimeridian-split)
 * @param maxOutlineErrorM the largest |distance − R| the engine measured on its outline, over every vertex and every
 *     edge's midpoint, metres (against the source as given to the engine)
 * @param droppedVertices first-guess vertices that could not be placed on R and that the answer puts on the wrong
 *     side of R by more than the tolerance (where it is known to miss the true R-neighbourhood); guess vertices that
 *     were not on the outline at all are not counted
 * @param computeMillis wall time of the computation, milliseconds
 */
public record Coverage(Source source, double rangeM, double toleranceM, Geometry geometry,
                       double maxOutlineErrorM, int droppedVertices, long computeMillis) {

    /** Vertices of {@code geometry}. */
    public int vertexCount() {
        return geometry.getNumPoints();
    }
}

package io.borderline.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The indexed validity test says what JTS IsValidOp says, on each kind of defect it looks for. */
class IndexedValidityTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // valid: a shell with two lakes
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1), (5 5, 6 5, 6 6, 5 6, 5 5)))",
        // valid: an island in a lake of another part
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2)), ((4 4, 6 4, 6 6, 4 6, 4 4)))",
        // valid: an island touching its lake at every corner (a Thames island in OSM's GBR), 
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 5, 3.5 3.5, 5 2, 6.5 3.5, 8 5, 6.5 6.5, 5 8, 3.5 6.5, 2 5)),"
            + " ((3.5 3.5, 6.5 3.5, 6.5 6.5, 3.5 6.5, 3.5 3.5)))",
        // the same island reaching out of its lake: partly inside the other part's shell
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 5, 3.5 3.5, 5 2, 6.5 3.5, 8 5, 6.5 6.5, 5 8, 3.5 6.5, 2 5)),"
            + " ((3.5 3.5, 6.5 3.5, 9 9, 3.5 6.5, 3.5 3.5)))",
        // valid: two separate parts
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((3 3, 4 3, 4 4, 3 4, 3 3)))",
        // valid: two lakes meeting at a point, a vertex of one inside an edge of the other (OSM's New Siberian Islands)
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 5, 6 5, 6 7, 2 5), (3 2, 5 2, 4 5, 3 2)))",
        // a hole passing out through its shell at two of its vertices that lie inside the shell's edge
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (8 8, 10 8, 12 8.5, 10 9, 8 9, 8 8)))",
        // two lakes crossing at vertices that lie inside each other's edges
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 5, 6 5, 6 7, 2 5), (3 2, 5 2, 4 5, 4 5.5, 3.5 5, 3 2)))",
        // a hole outside its shell
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (11 11, 12 11, 12 12, 11 12, 11 11)))",
        // a hole crossing its shell
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (8 8, 12 8, 12 9, 8 9, 8 8)))",
        // nested holes
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 9 1, 9 9, 1 9, 1 1), (2 2, 3 2, 3 3, 2 3, 2 2)))",
        // a part inside another part's shell
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((4 4, 6 4, 6 6, 4 6, 4 4)))",
        // overlapping parts
        "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))",
        // a self-intersecting shell (bow tie)
        "MULTIPOLYGON (((0 0, 2 2, 2 0, 0 2, 0 0)))"})
    void agreesWithIsValidOp(String wkt) throws ParseException {
        Geometry g = new WKTReader().read(wkt);
        assertThat(IndexedValidity.isValidIndexed(g)).as(wkt).isEqualTo(g.isValid());
    }
}

package io.borderline.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Only the parts that meet are merged, and the result is the union of them all. */
class UnionWhereTheyMeetTest {
    @Test
    void overlappingAndEdgeSharingPartsMergeAndTheRestStayAsTheyAre() throws Exception {
        Geometry g = new WKTReader().read("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)),"
            + " ((3 1, 4 1, 4 2, 3 2, 3 1)), ((10 10, 11 10, 11 11, 10 10)), ((20 20, 21 20, 21 21, 20 20)))");
        assertThat(g.isValid()).isFalse();
        Geometry merged = CountryExtract.unionWhereTheyMeet(g);
        assertThat(merged.isValid()).isTrue();
        assertThat(merged.getNumGeometries()).isEqualTo(3); // the three that meet, and the two alone
        assertThat(merged.symDifference(g.union()).getArea()).isLessThan(1e-12);
        assertThat(merged.getGeometryN(1).equalsExact(g.getGeometryN(3))).isTrue();
    }
}

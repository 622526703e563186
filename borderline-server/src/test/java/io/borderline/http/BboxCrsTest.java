package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.TestData;
import io.borderline.data.Site;
import io.borderline.projection.OutputCrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A bbox given in a projected bbox-crs selects exactly the sites whose coordinates in that CRS lie inside the box
 * (the reference: the site projected and compared with the box in the projected CRS itself). The box is large
 * (320 km) and placed so that a site is 20 km inside one of its corners, where the rectangle spanned by the two
 * transformed corners in longitude/latitude differs most from the projected box.
 */
class BboxCrsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double SIZE_M = 320_000;
    private static final double INSET_M = 20_000;

    @Test
    void babruyskIsInsideAnEpsg3035BoxTwentyKilometresFromItsCorner() throws Exception {
        // the case, northing first: Babruysk at N 3506235.02, E 5590024.16
        List<String> ids = ids("/collections/sites/items?limit=1000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3035"
            + "&bbox=3486235.02,5290024.16,3806235.02,5610024.16");
        assertThat(ids).contains("babruysk");
    }

    @ParameterizedTest
    @EnumSource(value = OutputCrs.class, names = {"EPSG_3035", "EPSG_2180", "EPSG_3346", "EPSG_3059", "EPSG_3301"})
    void aProjectedBoxSelectsExactlyTheSitesInsideItInThatCrs(OutputCrs crs) throws Exception {
        Site babruysk = TestData.get().sites().get("babruysk");
        double[] at = projected(crs, babruysk);
        // the site 20 km inside each of the four corners in turn
        for (int corner = 0; corner < 4; corner++) {
            double minE = (corner & 1) == 0 ? at[0] - INSET_M : at[0] + INSET_M - SIZE_M;
            double minN = (corner & 2) == 0 ? at[1] - INSET_M : at[1] + INSET_M - SIZE_M;
            double maxE = minE + SIZE_M;
            double maxN = minN + SIZE_M;
            List<String> expected = new ArrayList<>();
            for (Site s : TestData.get().sites().values()) {
                double[] p = projected(crs, s);
                if (p[0] >= minE && p[0] <= maxE && p[1] >= minN && p[1] <= maxN) {
                    expected.add(s.id());
                }
            }
            String bbox = fmt(minN, minE, maxN, maxE); // all five are northing first (their EPSG axis order)
            List<String> got = ids("/collections/sites/items?limit=1000&bbox-crs=" + crs.uri() + "&bbox=" + bbox);
            assertThat(got).as(crs + " corner " + corner + " bbox " + bbox).contains("babruysk")
                .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aNorthingFirstEpsg3301BoxIsValidatedInItsOwnAxisOrder() throws Exception {
        var r = ServerFixture.get("/collections/borders/items?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3301"
            + "&bbox=6470000,370000,6475000,740000");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("numberMatched").asInt()).isPositive();
        // the northings swapped: the lower corner's northing is above the upper one's
        var swapped = ServerFixture.get("/collections/borders/items?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3301"
            + "&bbox=6475000,370000,6470000,740000");
        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(swapped.body()).get("parameter").asText()).isEqualTo("bbox");
    }

    /** Easting, northing of a site in the CRS (whose axis order is northing, easting). */
    private static double[] projected(OutputCrs crs, Site s) {
        Coordinate c = crs.fromLonLat(FACTORY.createPoint(new Coordinate(s.lon(), s.lat()))).getCoordinate();
        return new double[] {c.y, c.x};
    }

    private static String fmt(double a, double b, double c, double d) {
        return String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f", a, b, c, d);
    }

    private static List<String> ids(String pathAndQuery) throws Exception {
        var r = ServerFixture.get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).get("features").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }
}

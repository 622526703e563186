package io.borderline.render;

import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import java.awt.Color;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * What one map shows, in longitude/latitude; {@link MapRenderer} decides how it looks on a page.
 *
 * @param title the map's title
 * @param subtitle one line under the title (what was computed, how)
 * @param dataset the boundary dataset whose territories and borders are drawn
 * @param emphasis countries drawn darker (the source of a coverage, the target of a claim)
 * @param extent what the frame must show, longitude/latitude
 * @param centre where the projection is first centred (x longitude, y latitude); the frame is then
 *     centred on the extent
 * @param rings coverage rings, drawn largest first under everything else
 * @param lines lines on top of the territories (geodesics, claimed radii, a border source)
 * @param points labelled points, in order of importance (labels are placed in this order)
 * @param legend legend entries, top to bottom
 * @param credits attribution lines for the footer (sources, licences, data date)
 */
public record MapContent(String title, String subtitle, Dataset dataset, Set<CountryCode> emphasis,
                         Geometry extent, org.locationtech.jts.geom.Coordinate centre, List<Ring> rings, List<Line> lines, List<Point> points,
                         List<LegendEntry> legend, List<String> credits) {

    /** A coverage ring: the area within a range, filled translucently with its outline. */
    public record Ring(Geometry area, Color color) {}

    /** A line. {@code dashed} lines stand for something not measured on the ground (a claim). */
    public record Line(Geometry line, Color color, double widthPt, boolean dashed) {}

    /**
     * A point symbol with its label.
     *
     * @param lat latitude, degrees
     * @param lon longitude, degrees
     * @param label label lines (the first bold when {@code bold})
     * @param symbol how the point is drawn
     * @param bold first label line in bold
     * @param required the label must appear (placed farther away with a leader line if needed)
     */
    public record Point(double lat, double lon, List<String> label, Symbol symbol, boolean bold, boolean required) {}

    /** Point symbols. */
    public enum Symbol { CAPITAL, CITY, MILITARY, CROSSING, BORDER_POINT, SOURCE }

    /** A legend row: a swatch of the given kind and colour, and its text. */
    public record LegendEntry(Swatch swatch, Color color, String text) {}

    /**
     * Legend swatch kinds: a fill, a line, a dashed line (a claim), a maritime boundary, and the point
     * symbols (a town, a capital, a border crossing, the nearest border point).
     */
    public enum Swatch { FILL, LINE, DASHED, MARITIME, POINT, CAPITAL, CROSSING, BORDER_POINT }
}

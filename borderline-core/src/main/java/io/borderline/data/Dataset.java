package io.borderline.data;

import io.borderline.geodesy.SegmentIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One boundary dataset loaded into memory: territories, shared borders and, per country, an
 * index over the borders that bound it. Built once at start-up; immutable and thread-safe.
 */
public final class Dataset {
    private final DatasetInfo info;
    private final Map<CountryCode, Territory> territories;
    private final List<Border> borders;
    private final Map<CountryCode, SegmentIndex> borderIndex = new java.util.LinkedHashMap<>();

    public Dataset(DatasetInfo info, Map<CountryCode, Territory> territories, List<Border> borders) {
        this.info = info;
        this.territories = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(territories));
        this.borders = List.copyOf(borders);
        for (CountryCode c : CountryCode.values()) {
            SegmentIndex.Builder b = new SegmentIndex.Builder();
            for (int i = 0; i < this.borders.size(); i++) {
                Border border = this.borders.get(i);
                if (!border.bounds(c)) {
                    continue;
                }
                if (border.landPart() == null && border.waterPart() == null) {
                    b.addGeometry(border.line(), sourceId(i, null));
                } else {
                    if (border.landPart() != null) {
                        b.addGeometry(border.landPart(), sourceId(i, false));
                    }
                    if (border.waterPart() != null) {
                        b.addGeometry(border.waterPart(), sourceId(i, true));
                    }
                }
            }
            borderIndex.put(c, b.build());
        }
    }

    public DatasetInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public Territory territory(CountryCode c) {
        return territories.get(c);
    }

    public List<Border> borders() {
        return borders;
    }

    public Optional<Border> border(String id) {
        return borders.stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Encodes a border index and the kind of its segment into one index source id. */
    static int sourceId(int border, Boolean water) {
        return 3 * border + (water == null ? 0 : water ? 2 : 1);
    }

    /** The border a segment source id belongs to. */
    public Border borderOf(int sourceId) {
        return borders.get(sourceId / 3);
    }

    /** "land", "water" or null (the dataset does not tell) for a segment source id. */
    public static String segmentKind(int sourceId) {
        return switch (sourceId % 3) {
            case 1 -> "land";
            case 2 -> "water";
            default -> null;
        };
    }

    /** Index over the shared borders that bound {@code c}; decode source ids with {@link #borderOf}. */
    public SegmentIndex borderIndex(CountryCode c) {
        return borderIndex.get(c);
    }

    /**
     * True if the point is in {@code c}'s territory: on its land, or on a lake or river enclosed
     * by it (a hole of the land polygon) that no other loaded country's land covers.
     */
    public boolean inside(CountryCode c, double lat, double lon) {
        Territory t = territories.get(c);
        if (t.onLand(lat, lon)) {
            return true;
        }
        if (!t.inShell(lat, lon)) {
            return false;
        }
        for (Territory other : territories.values()) {
            if (!isSameOrPart(other.code(), c) && other.onLand(lat, lon)) {
                return false;
            }
        }
        return true;
    }

    /** The sovereign states whose territory contains the point (more than one where the data overlaps). */
    public List<CountryCode> statesContaining(double lat, double lon) {
        List<CountryCode> out = new ArrayList<>();
        for (CountryCode c : CountryCode.states()) {
            if (inside(c, lat, lon)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean isSameOrPart(CountryCode a, CountryCode b) {
        return a == b || (a == CountryCode.RUS_KGD && b == CountryCode.RUS) || (a == CountryCode.RUS && b == CountryCode.RUS_KGD);
    }
}

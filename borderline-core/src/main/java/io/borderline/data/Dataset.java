package io.borderline.data;

import io.borderline.geodesy.SegmentIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One boundary dataset: territories, shared borders and, per country and {@link BorderLine}, an
 * index over the borders that bound it. Territories decode and index themselves on first use,
 * and a country's border index is built the first time a query asks for it, so opening the
 * world's dataset costs only its header. Thread-safe.
 */
public final class Dataset {
    private final DatasetInfo info;
    private final Map<CountryCode, Territory> territories;
    private final List<Border> borders;
    private final Map<String, Border> bordersById = new LinkedHashMap<>();
    /** Per country, its border indexes by {@link BorderLine#ordinal()}, built on first use. */
    private final Map<CountryCode, AtomicReferenceArray<BorderIndex>> borderIndex = new ConcurrentHashMap<>();
    private final Lazy<TerritoryGrid> grid;

    public Dataset(DatasetInfo info, Map<CountryCode, Territory> territories, List<Border> borders) {
        this.info = info;
        Map<CountryCode, Territory> sorted = new LinkedHashMap<>();
        territories.keySet().stream().sorted((x, y) -> x.code().compareTo(y.code()))
            .forEach(c -> sorted.put(c, territories.get(c)));
        this.territories = Collections.unmodifiableMap(sorted);
        this.grid = new Lazy<>(() -> TerritoryGrid.of(this.territories.values()));
        this.borders = List.copyOf(borders);
        for (Border b : this.borders) {
            bordersById.put(b.id().toUpperCase(java.util.Locale.ROOT), b);
        }
    }

    public DatasetInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    /** The territory of {@code c}, or null if this dataset does not draw it. */
    public Territory territory(CountryCode c) {
        return territories.get(c);
    }

    /** True if this dataset draws {@code c}. */
    public boolean has(CountryCode c) {
        return territories.containsKey(c);
    }

    /** Every country and derived part this dataset draws, in code order. */
    public List<CountryCode> countries() {
        return List.copyOf(territories.keySet());
    }

    /** The states and territories this dataset draws (no derived parts), in code order. */
    public List<CountryCode> states() {
        return territories.keySet().stream().filter(CountryCode::isState).toList();
    }

    public List<Border> borders() {
        return borders;
    }

    public Optional<Border> border(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(bordersById.get(id.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The neighbours of {@code c}: the other side of every border that bounds it, in code order. */
    public List<CountryCode> neighbours(CountryCode c) {
        return borders.stream().filter(b -> b.bounds(c)).map(b -> b.bounds(c) && (b.a() == c || c.sameStateAs(b.a()))
            ? b.b() : b.a()).distinct().sorted((x, y) -> x.code().compareTo(y.code())).toList();
    }

    /** Encodes a border index and the kind of its segment into one index source id. */
    static int sourceId(int border, int kind) {
        return 4 * border + kind;
    }

    /** The border a segment source id belongs to. */
    public Border borderOf(int sourceId) {
        return borders.get(sourceId / 4);
    }

    /** "land", "water" (river or lake), "sea" or null (the dataset does not tell) for a segment source id. */
    public static String segmentKind(int sourceId) {
        return switch (sourceId % 4) {
            case 1 -> "land";
            case 2 -> "water";
            case 3 -> "sea";
            default -> null;
        };
    }

    /** Index over the political borders that bound {@code c}; decode source ids with {@link #borderOf}. */
    public SegmentIndex borderIndex(CountryCode c) {
        return borderIndex(c, BorderLine.POLITICAL);
    }

    /**
     * Index over the borders that bound {@code c}, as {@code line} defines them (with
     * {@link BorderLine#LAND} the sea parts are left out). Built on first use.
     */
    public SegmentIndex borderIndex(CountryCode c, BorderLine line) {
        return borders(c, line).segments();
    }

    /**
     * The borders that bound {@code c} as {@code line} defines them, matched against {@code c}'s boundary (see
     * {@link BorderIndex}). Built on first use.
     */
    public BorderIndex borders(CountryCode c, BorderLine line) {
        AtomicReferenceArray<BorderIndex> byLine = borderIndex.computeIfAbsent(c,
            k -> new AtomicReferenceArray<>(BorderLine.values().length));
        BorderIndex index = byLine.get(line.ordinal());
        if (index == null) {
            synchronized (byLine) { // built once: Russia's takes a second
                index = byLine.get(line.ordinal());
                if (index == null) {
                    index = new BorderIndex(buildBorderIndex(c, line), territories.get(c));
                    byLine.set(line.ordinal(), index);
                }
            }
        }
        return index;
    }

    private SegmentIndex buildBorderIndex(CountryCode c, BorderLine line) {
        SegmentIndex.Builder b = new SegmentIndex.Builder();
        for (int i = 0; i < borders.size(); i++) {
            Border border = borders.get(i);
            if (!border.bounds(c)) {
                continue;
            }
            if (!border.split()) {
                b.addGeometry(border.line(), sourceId(i, 0));
                continue;
            }
            if (border.landPart() != null) {
                b.addGeometry(border.landPart(), sourceId(i, 1));
            }
            if (border.waterPart() != null) {
                b.addGeometry(border.waterPart(), sourceId(i, 2));
            }
            if (line == BorderLine.POLITICAL && border.seaPart() != null) {
                b.addGeometry(border.seaPart(), sourceId(i, 3));
            }
        }
        return b.build();
    }

    /**
     * True if the point is in {@code c}'s territory: on its land, or on a lake or river enclosed
     * by it (a hole of the land polygon) that no other country's land covers.
     */
    public boolean inside(CountryCode c, double lat, double lon) {
        Territory t = territories.get(c);
        return t != null && inside(t, lat, lon);
    }

    private boolean inside(Territory t, double lat, double lon) {
        if (!t.mayContain(lat, lon)) {
            return false;
        }
        if (t.onLand(lat, lon)) {
            return true;
        }
        if (!t.inShell(lat, lon)) {
            return false;
        }
        TerritoryGrid g = grid.get();
        int cell = TerritoryGrid.cellOf(lat, lon);
        for (int i = g.from(cell); i < g.to(cell); i++) {
            Territory other = g.territory(i);
            if (!other.code().sameStateAs(t.code()) && other.mayContain(lat, lon) && other.onLand(lat, lon)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The states whose territory contains the point (more than one where the data overlaps), in code order.
     * Asks only the territories whose cell raster has the point's half-degree cell ({@link TerritoryGrid}).
     */
    public List<CountryCode> statesContaining(double lat, double lon) {
        List<CountryCode> out = new ArrayList<>(2);
        TerritoryGrid g = grid.get();
        int cell = TerritoryGrid.cellOf(lat, lon);
        for (int i = g.from(cell); i < g.to(cell); i++) {
            Territory t = g.territory(i);
            if (t.code().isState() && inside(t, lat, lon)) {
                out.add(t.code());
            }
        }
        return out;
    }
}

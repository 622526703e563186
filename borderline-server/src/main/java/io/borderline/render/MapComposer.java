package io.borderline.render;

import io.borderline.analysis.ClaimCheck;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageStats;
import io.borderline.data.BorderlineData;
import io.borderline.data.Claim;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.DatasetInfo;
import io.borderline.data.Site;
import io.borderline.userdata.UserLayers;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Composes the maps Borderline publishes from computed results: coverage rings around a
 * source, and the cited distance claims with their measured geodesics. Knows the domain, not
 * HTTP and not how things are drawn. Thread-safe.
 */
public final class MapComposer {
    /** Vertex spacing of drawn geodesics, metres (under a pixel at every map scale used). */
    static final double GEODESIC_STEP_M = 250;
    /** Most territories a coverage subtitle lists by share. */
    static final int MAX_SHARES = 8;

    private final BorderlineData data;
    private final UserLayers layers;
    private final GeometryFactory factory = new GeometryFactory();

    public MapComposer(BorderlineData data) {
        this(data, UserLayers.NONE);
    }

    /** With the user's layers, which coverage maps can have as their source ({@code layer} requests). */
    public MapComposer(BorderlineData data, UserLayers layers) {
        this.data = data;
        this.layers = layers;
    }

    /**
     * "User layer NAME (user-supplied, not Borderline data): FILE, SHA-256 ..." for a coverage of a user layer,
     * else empty: the credit every map and slide of such a coverage carries.
     */
    public java.util.Optional<String> userLayerCredit(CoverageRequest request) {
        if (!request.sourceKind().equals("layer")) {
            return java.util.Optional.empty();
        }
        String name = request.sourceIds().get(0);
        return java.util.Optional.of(layers.get(name).map(l -> "User layer " + name + " (user-supplied, not Borderline"
            + " data): " + l.fileName() + ", SHA-256 " + l.fileSha256().substring(0, 12) + "…")
            .orElse("User layer " + name + " (user-supplied, not Borderline data)"));
    }

    /**
     * The credit of a coverage whose source is not Borderline's data: a user layer's ({@link
     * #userLayerCredit(CoverageRequest)}), or for a geometry sent with the request ({@code user}, kind {@code user})
     * "User-supplied geometry (not Borderline data; sent with the request, not stored): 1 feature, SHA-256 ...";
     * else empty.
     */
    public java.util.Optional<String> sourceCredit(CoverageRequest request, UserSource user) {
        if (request.sourceKind().equals("user")) {
            String sha = user == null ? request.sourceIds().get(0) : user.sha256();
            return java.util.Optional.of("User-supplied geometry (not Borderline data; sent with the request, not"
                + " stored)" + (user == null ? "" : ": " + user.featureText()) + ", SHA-256 " + UserSource.prefix(sha)
                + "…");
        }
        return userLayerCredit(request);
    }

    /**
     * A geometry sent with the request as a coverage's source (kind {@code user}, id its SHA-256).
     *
     * @param sha256 the geometry's SHA-256, hex
     * @param features how many features it has
     */
    public record UserSource(String sha256, int features) {
        /** Length of the SHA-256 prefix that names the geometry in titles and credits. */
        public static final int PREFIX = 12;

        /** "user-supplied geometry 6d242a502435 (1 feature)": how titles and legends name it. */
        public String name() {
            return "user-supplied geometry " + prefix(sha256) + " (" + featureText() + ")";
        }

        String featureText() {
            return features + (features == 1 ? " feature" : " features");
        }

        static String prefix(String sha256) {
            return sha256.substring(0, Math.min(PREFIX, sha256.length()));
        }
    }

    /**
     * One ring of a coverage map.
     *
     * @param rangeKm the range, km
     * @param droneId the drone class the range came from, or null
     * @param minutes for a time ring, its flight time, minutes; else null
     * @param speedKmh for a time ring, its speed, km/h; else null
     * @param result the computed coverage
     */
    public record RingSpec(double rangeKm, String droneId, Double minutes, Double speedKmh, CoverageResult result) {
        /** A ring at a range. */
        public RingSpec(double rangeKm, String droneId, CoverageResult result) {
            this(rangeKm, droneId, null, null, result);
        }
    }

    /** A claim with its check. */
    public record ClaimSpec(Claim claim, ClaimCheck check) {}

    // ------------------------------------------------------------------ coverage

    /**
     * The coverage map of one source at one or more ranges.
     *
     * @param request the request of any ring (they differ only in range)
     * @param rings the rings, any order
     */
    public MapContent coverage(CoverageRequest request, List<RingSpec> rings) {
        return coverage(request, rings, null);
    }

    /**
     * As {@link #coverage(CoverageRequest, List)}; {@code user} describes the source of a request of kind {@code
     * user} (a geometry sent with it), for the title, legend and credit.
     */
    public MapContent coverage(CoverageRequest request, List<RingSpec> rings, UserSource user) {
        List<RingSpec> sorted = new ArrayList<>(rings);
        sorted.sort(Comparator.comparingDouble(RingSpec::rangeKm));
        Dataset ds = data.dataset(request.dataset());
        List<Color> colours = Palette.rings(sorted.size());
        List<MapContent.Ring> drawn = new ArrayList<>();
        List<MapContent.LegendEntry> legend = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            RingSpec r = sorted.get(i);
            drawn.add(new MapContent.Ring(r.result().geometry(), colours.get(i)));
            legend.add(new MapContent.LegendEntry(MapContent.Swatch.FILL, colours.get(i), "Within " + rangeText(r)
                + (request.beyond() ? ", beyond the source's own territory" : "")));
        }
        RingSpec largest = sorted.get(sorted.size() - 1);
        Geometry sourceGeometry = largest.result().coverage().source().geometry();
        Geometry extent = factory.buildGeometry(List.of(largest.result().coverage().geometry(), sourceGeometry));

        Set<CountryCode> emphasis = new LinkedHashSet<>();
        List<MapContent.Line> lines = new ArrayList<>();
        List<MapContent.Point> points = new ArrayList<>();
        String sourceName;
        switch (request.sourceKind()) {
            case "country" -> {
                List<String> names = new ArrayList<>();
                for (String id : request.sourceIds()) {
                    CountryCode c = CountryCode.parse(id).orElseThrow();
                    emphasis.add(c);
                    names.add(c.nameEn());
                }
                sourceName = join(names);
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.FILL, Palette.LAND_EMPHASIS,
                    "Source: " + sourceName));
            }
            case "region" -> {
                io.borderline.coverage.SourceRegion region =
                    io.borderline.coverage.SourceRegion.parse(request.sourceIds().get(0)).orElseThrow();
                emphasis.add(region.country());
                sourceName = region.nameEn();
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.FILL, Palette.LAND_EMPHASIS,
                    "Source: " + sourceName));
            }
            case "border" -> {
                List<String> names = new ArrayList<>();
                for (String id : request.sourceIds()) {
                    var b = ds.border(id).orElseThrow();
                    names.add("the " + b.a().nameEn() + "–" + b.b().nameEn() + " border");
                    lines.add(new MapContent.Line(b.line(), colours.get(0).darker(), 2.4, false));
                }
                sourceName = join(names);
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.LINE, colours.get(0).darker(),
                    "Source: " + (names.size() == 1 ? names.get(0).substring(4) : names.size() + " borders")));
            }
            case "site" -> {
                List<String> names = new ArrayList<>();
                for (String id : request.sourceIds()) {
                    Site s = data.sites().get(id);
                    names.add(shortName(s));
                    points.add(new MapContent.Point(s.lat(), s.lon(), List.of(shortName(s)), MapContent.Symbol.SOURCE,
                        true, true));
                }
                sourceName = names.size() <= 3 ? join(names) : names.size() + " sites";
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.POINT, Palette.TEXT, "Source site"));
            }
            case "layer" -> {
                // the user's geometry as it was used (after repair): lines as drawn, areas by their outline
                sourceName = "user layer " + request.sourceIds().get(0);
                Geometry drawnSource = sourceGeometry.getDimension() == 2 ? sourceGeometry.getBoundary() : sourceGeometry;
                lines.add(new MapContent.Line(drawnSource, Palette.USER_LAYER, 2.4, false));
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.LINE, Palette.USER_LAYER,
                    "Source: " + sourceName + " (user-supplied)"));
            }
            case "user" -> {
                // the geometry sent with the request, as it was used (after repair), drawn as a user layer is
                sourceName = user == null ? "user-supplied geometry " + UserSource.prefix(request.sourceIds().get(0))
                    : user.name();
                Geometry drawnSource = sourceGeometry.getDimension() == 2 ? sourceGeometry.getBoundary() : sourceGeometry;
                lines.add(new MapContent.Line(drawnSource, Palette.USER_LAYER, 2.4, false));
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.LINE, Palette.USER_LAYER,
                    "Source: " + sourceName));
            }
            default -> {
                String[] ll = request.sourceIds().get(0).split(",");
                double lat = Double.parseDouble(ll[0]);
                double lon = Double.parseDouble(ll[1]);
                sourceName = latLonText(lat, lon);
                points.add(new MapContent.Point(lat, lon, List.of(sourceName), MapContent.Symbol.SOURCE, true, true));
            }
        }
        borderLegend(ds, sitesWindow(extent), legend);
        addSites(points, sitesWindow(extent), request.sourceKind().equals("site")
            ? Set.copyOf(request.sourceIds()) : Set.of(), legend);

        String ranges = sorted.size() == 1 ? rangeText(sorted.get(0))
            : sorted.get(0).minutes() != null ? join(sorted.stream().map(r -> km(r.minutes())).toList()) + " min"
                + timeBasis(sorted.get(0))
            : join(sorted.stream().map(r -> km(r.rangeKm())).toList()) + " km";
        String title = "Within " + ranges + " of " + sourceName + fanText(request)
            + (request.beyond() ? ", beyond its own territory" : "");
        CoverageResult lr = largest.result();
        String subtitle = "True geodesic buffer" + (sorted.size() > 1 ? "s" : "") + " on WGS84 (outline within ±"
            + km(lr.coverage().toleranceM()) + " m)  ·  in " + km(largest.rangeKm()) + " km: " + shares(lr.stats())
            + "  ·  " + InRangeText.population(lr.stats()) + " (GeoNames places of at least 1,000)  ·  "
            + InRangeText.land(lr.stats());
        List<String> credits = new ArrayList<>(credits(ds));
        sourceCredit(request, user).ifPresent(c -> credits.add(0, c));
        return new MapContent(title, subtitle, ds, emphasis, extent, sourceGeometry.getCentroid().getCoordinate(), drawn,
            lines, points, legend, credits);
    }

    /** " at 170 km/h (Shahed-136 …)": the speed a time ring is flown at. */
    private String timeBasis(RingSpec r) {
        return " at " + km(r.speedKmh()) + " km/h" + (r.droneId() == null ? "" : " (" + droneName(r.droneId()) + ")");
    }

    /** The drone class's name for titles and legends (its id if it is not in the catalogue). */
    private String droneName(String id) {
        var d = data.drones().get(id);
        return d == null ? id : d.name();
    }

    /** ", azimuths 250° to 290°, beyond 5 km" for a range fan; empty for a whole ring. */
    private static String fanText(CoverageRequest q) {
        if (q.sector() == null) {
            return "";
        }
        var s = q.sector();
        String out = s.fullCircle() ? "" : ", azimuths " + km(s.azimuthFromDeg()) + "° to " + km(s.azimuthToDeg()) + "°";
        return out + (s.minRangeM() > 0 ? ", beyond " + km(s.minRangeM() / 1000) + " km" : "");
    }

    private String rangeText(RingSpec r) {
        if (r.minutes() != null) {
            return km(r.minutes()) + " min (" + distanceText(r.rangeKm()) + " at " + km(r.speedKmh()) + " km/h"
                + (r.droneId() == null ? "" : ", " + droneName(r.droneId())) + ")";
        }
        return r.droneId() == null ? km(r.rangeKm()) + " km" : km(r.rangeKm()) + " km (" + droneName(r.droneId()) + ")";
    }

    /**
     * "Lithuania 100 %, Kaliningrad exclave (Russia) 100 %, Latvia 61.2 % of their area": every territory in
     * range but the source's own, wholly covered ones included, largest share first.
     */
    static String shares(CoverageStats stats) {
        List<String> out = new ArrayList<>();
        stats.countries().stream()
            .filter(c -> c.sharePercent() > 0 && !stats.sourceStates().contains(c.code()))
            .sorted(Comparator.comparingDouble(CoverageStats.CountryExposure::sharePercent).reversed()
                .thenComparing(CoverageStats.CountryExposure::nameEn))
            .limit(MAX_SHARES)
            .forEach(c -> out.add(c.nameEn() + " " + (c.sharePercent() >= 100 ? "100"
                : String.format(Locale.ROOT, "%.1f", c.sharePercent())) + " %"));
        return out.isEmpty() ? "no other territory in range" : String.join(", ", out) + " of their area";
    }

    private void addSites(List<MapContent.Point> points, Envelope extent, Set<String> skip,
                          List<MapContent.LegendEntry> legend) {
        List<Site> sites = new ArrayList<>(data.sites().values());
        sites.removeIf(s -> skip.contains(s.id()) || !extent.contains(s.lon(), s.lat()));
        sites.sort(Comparator.comparingInt(MapComposer::importance)
            .thenComparing(Comparator.comparing((Site s) -> s.population() == null ? 0L : s.population()).reversed()));
        boolean military = false;
        boolean capital = false;
        boolean crossing = false;
        for (Site s : sites) {
            MapContent.Symbol symbol = switch (s.kind()) {
                case "capital" -> MapContent.Symbol.CAPITAL;
                case "military_site", "airfield" -> MapContent.Symbol.MILITARY;
                case "crossing" -> MapContent.Symbol.CROSSING;
                default -> MapContent.Symbol.CITY;
            };
            military |= symbol == MapContent.Symbol.MILITARY;
            capital |= symbol == MapContent.Symbol.CAPITAL;
            crossing |= symbol == MapContent.Symbol.CROSSING;
            points.add(new MapContent.Point(s.lat(), s.lon(), List.of(shortName(s)), symbol, s.kind().equals("capital"),
                false));
        }
        if (capital) {
            legend.add(new MapContent.LegendEntry(MapContent.Swatch.CAPITAL, Palette.TEXT, "Capital"));
        }
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.POINT, Palette.TEXT, "City or town"));
        if (crossing) {
            legend.add(new MapContent.LegendEntry(MapContent.Swatch.CROSSING, Palette.TEXT, "Border crossing"));
        }
        if (military) {
            legend.add(new MapContent.LegendEntry(MapContent.Swatch.POINT, Palette.MILITARY,
                "Military site or air base (approximate)"));
        }
    }

    /**
     * Where sites are looked for: the extent with a margin of a fifth of its size on each side, as the frame
     * shows more than the extent (the page's aspect and padding); points outside the frame are not drawn.
     */
    private static Envelope sitesWindow(Geometry extent) {
        Envelope e = new Envelope(extent.getEnvelopeInternal());
        e.expandBy(e.getWidth() * 0.2, e.getHeight() * 0.2);
        return e;
    }

    /**
     * The border legend: the international border, and the territorial-sea boundary when the dataset has
     * a sea part within {@code extent} (drawn dashed, apart from the land border).
     */
    private static void borderLegend(Dataset ds, Envelope extent, List<MapContent.LegendEntry> legend) {
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.LINE, Palette.BORDER, "International border"));
        for (var b : ds.borders()) {
            if (b.line().getEnvelopeInternal().intersects(extent) && b.seaPart() != null && !b.seaPart().isEmpty()
                && b.seaPart().getEnvelopeInternal().intersects(extent)) {
                legend.add(new MapContent.LegendEntry(MapContent.Swatch.MARITIME, Palette.MARITIME,
                    "Maritime boundary (territorial sea, 12 nmi)"));
                return;
            }
        }
    }

    /** The site's name without parenthesised alternatives and notes, for a map label. */
    static String shortName(Site s) {
        return s.nameEn().replaceAll("\\s*\\([^)]*\\)", "").trim();
    }

    /** Label rank: capitals, then populated places (by population, whatever their kind), then the rest. */
    private static int importance(Site s) {
        return switch (s.kind()) {
            case "capital" -> 0;
            case "city", "border_town" -> 1;
            case "military_site", "airfield" -> 2;
            default -> 3;
        };
    }

    // ------------------------------------------------------------------ claims

    /**
     * The claims map: each place, its claimed distance as a dashed geodesic circle, and the
     * measured geodesic to the nearest point of the target's border.
     *
     * @param claims the claims to show (one for a close-up, all for the overview)
     * @param datasetId the dataset whose measurement is drawn
     */
    public MapContent claims(List<ClaimSpec> claims, String datasetId) {
        Dataset ds = data.dataset(datasetId);
        Set<CountryCode> emphasis = new LinkedHashSet<>();
        List<MapContent.Line> lines = new ArrayList<>();
        List<MapContent.Point> points = new ArrayList<>();
        List<MapContent.Point> borderPoints = new ArrayList<>();
        List<Geometry> extentParts = new ArrayList<>();
        for (ClaimSpec cs : claims) {
            Claim c = cs.claim();
            ClaimCheck.Measurement m = measurement(cs.check(), datasetId);
            emphasis.add(c.target());
            Site s = c.site();
            lines.add(new MapContent.Line(Geodesics.circle(s.lat(), s.lon(), c.claimedKm() * 1000, 360),
                Palette.CLAIMED, 1.1, true));
            if (m.measuredKm() > 0) {
                lines.add(new MapContent.Line(Geodesics.line(s.lat(), s.lon(), m.nearestLat(), m.nearestLon(),
                    GEODESIC_STEP_M), Palette.MEASURED, 2.0, false));
                borderPoints.add(new MapContent.Point(m.nearestLat(), m.nearestLon(), List.of(),
                    MapContent.Symbol.BORDER_POINT, false, false));
            }
            points.add(new MapContent.Point(s.lat(), s.lon(), List.of(s.nameEn() + " → " + c.target().nameEn(),
                "measured " + measuredText(m),
                "claimed " + km(c.claimedKm()) + " km: " + m.verdict()),
                s.kind().equals("capital") ? MapContent.Symbol.CAPITAL : MapContent.Symbol.CITY, true, true));
            double r = Math.max(c.claimedKm(), m.measuredKm()) * 1000 * 1.25;
            extentParts.add(Geodesics.circle(s.lat(), s.lon(), r, 72));
        }
        Geometry extent = factory.buildGeometry(extentParts);
        Set<String> skip = new java.util.HashSet<>();
        claims.forEach(cs -> skip.add(cs.claim().site().id()));
        List<MapContent.LegendEntry> legend = new ArrayList<>();
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.LINE, Palette.MEASURED,
            "Measured: geodesic to the nearest border point"));
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.BORDER_POINT, Palette.MEASURED,
            "Nearest point of the border"));
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.DASHED, Palette.CLAIMED, "Claimed distance (circle)"));
        legend.add(new MapContent.LegendEntry(MapContent.Swatch.FILL, Palette.LAND_EMPHASIS,
            "Country the claim measures to"));
        borderLegend(ds, sitesWindow(extent), legend);
        List<MapContent.Point> all = new ArrayList<>(points);
        all.addAll(borderPoints);
        if (claims.size() > 1) {
            addSites(all, sitesWindow(extent), skip, legend);
        }
        String title;
        if (claims.size() == 1) {
            ClaimSpec cs = claims.get(0);
            ClaimCheck.Measurement m = measurement(cs.check(), datasetId);
            title = cs.claim().site().nameEn() + (m.placeInsideTarget()
                ? " lies inside " + cs.claim().target().nameEn() + " in this dataset"
                : " is " + distanceText(m.measuredKm()) + " from " + cs.claim().target().nameEn())
                + (m.verdict().equals("accurate")
                ? ": the claimed " + km(cs.claim().claimedKm()) + " km is accurate"
                : ", not " + km(cs.claim().claimedKm()) + " km as claimed");
        } else {
            title = "How far from the border? " + claims.size() + " cited claims against the measured distance";
        }
        String subtitle = "Geodesic on WGS84 (GeographicLib) from the place's GeoNames centre point to the nearest"
            + " point of the international boundary line  ·  verdict tolerance max(0.5 km, 10 % of the claim)";
        return new MapContent(title, subtitle, ds, emphasis, extent, placesCentre(claims), List.of(), lines, all, legend, credits(ds));
    }

    private org.locationtech.jts.geom.Coordinate placesCentre(List<ClaimSpec> claims) {
        List<org.locationtech.jts.geom.Coordinate> pts = new ArrayList<>();
        for (ClaimSpec c : claims) {
            pts.add(new org.locationtech.jts.geom.Coordinate(c.claim().site().lon(), c.claim().site().lat()));
        }
        return factory.createMultiPointFromCoords(pts.toArray(org.locationtech.jts.geom.Coordinate[]::new))
            .getEnvelopeInternal().centre();
    }

    /** The political-boundary measurement of the dataset (nearest territory where there is none). */
    public static ClaimCheck.Measurement measurement(ClaimCheck check, String datasetId) {
        return check.measurements().stream()
            .filter(m -> m.dataset().equals(datasetId) && m.definition().equals("political_boundary")).findFirst()
            .or(() -> check.measurements().stream().filter(m -> m.dataset().equals(datasetId)).findFirst())
            .orElseThrow();
    }

    // ------------------------------------------------------------------ shared text

    /** Footer lines: boundary data with its licence and date, context land, places. */
    public static List<String> credits(Dataset ds) {
        DatasetInfo info = ds.info();
        List<String> out = new ArrayList<>();
        out.add("Boundaries: " + info.attribution() + " (" + info.licence() + "), " + info.packageName() + " "
            + info.version() + ", data of " + dataDate(info));
        out.add("Other land: " + ContextLand.ATTRIBUTION);
        out.add("Places: GeoNames (CC BY 4.0)");
        out.add("Computed by Borderline");
        return out;
    }

    /** When the boundary data was current, as its source states it. */
    public static String dataDate(DatasetInfo info) {
        Matcher m = Pattern.compile("\\((\\d{4}-\\d{2})\\)").matcher(info.upstream());
        if (m.find()) {
            return m.group(1);
        }
        Matcher v = Pattern.compile("\\((v[0-9.]+)\\)").matcher(info.upstream());
        return v.find() ? "Natural Earth " + v.group(1) : info.version();
    }

    /**
     * A claim's measured distance for a label: "inside (0 km)" where this dataset puts the place inside the
     * target country (a bare "0.00 km" would read as a measurement at the border), else the distance.
     */
    public static String measuredText(ClaimCheck.Measurement m) {
        if (m.placeInsideTarget()) {
            return m.measuredKm() == 0 ? "inside (0 km)" : "inside, " + distanceText(m.measuredKm()) + " from the border";
        }
        return distanceText(m.measuredKm());
    }

    /** A distance for a label: 1 decimal from 10 km, else 2. */
    public static String distanceText(double km) {
        return String.format(Locale.ROOT, km >= 10 ? "%.1f km" : "%.2f km", km);
    }

    /** A number for a label: whole numbers with thousands separators, others to at most 2 decimals. */
    static String km(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v)
            : new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String population(long p) {
        if (p >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f million", p / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", p);
    }

    static String latLonText(double lat, double lon) {
        return String.format(Locale.ROOT, "%.4f°%s %.4f°%s", Math.abs(lat), lat >= 0 ? "N" : "S", Math.abs(lon),
            lon >= 0 ? "E" : "W");
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}

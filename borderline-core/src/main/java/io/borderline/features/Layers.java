package io.borderline.features;

import io.borderline.analysis.ClaimCheck;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageService;
import io.borderline.data.Border;
import io.borderline.data.BorderlineData;
import io.borderline.data.Claim;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Territory;
import io.borderline.data.DroneClass;
import io.borderline.data.Site;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.userdata.UserFeature;
import io.borderline.userdata.UserLayer;
import io.borderline.userdata.UserLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The published layers: countries, borders, sites, claims, drone classes, and the coverage of every
 * drone class from Belarus and from Russia. Static layers are built once per dataset; coverage
 * layers are computed on first use (or by {@link #warmUp}) and kept, since there are only
 * (drone classes x 2 sources x 2 datasets) of them.
 */
public final class Layers {
    /** Id of the warning-time rings collection. */
    public static final String TIME_RINGS = "time-rings";
    /** Flight times of the published time rings, minutes (bounded: the collection is computed at warm-up). */
    public static final List<Integer> TIME_RING_MINUTES = List.of(5, 10, 15, 30, 60);
    /** Launch areas of the published time rings. */
    public static final List<CountryCode> TIME_RING_SOURCES = List.of(CountryCode.BLR, CountryCode.RUS_KGD);
    /**
     * The source of the published coverage from Russia: European Russia, west of 60° E (the Urals; Novaya Zemlya
     * cut there), Kaliningrad included, the source {@code from=RUS-EU} of GET /coverage. Russia whole spans the
     * globe and is 1.5 million vertices in osm10m; its coverages at every class's range took a minute and 700 MB
     * to keep, for outlines that reach Alaska and Japan. Russia whole is GET /coverage?from=RUS&drone=...
     */
    public static final io.borderline.coverage.SourceRegion EUROPEAN_RUSSIA =
        io.borderline.coverage.SourceRegion.EUROPEAN_RUSSIA;
    private final BorderlineData data;
    private final ClaimChecker claims;
    private final CoverageService coverages;
    private final GeometryFactory factory;
    // built outside the map's lock: a coverage layer takes minutes, and must not block the others
    private final io.borderline.analysis.ComputeOnce<List<Feature>> built =
        new io.borderline.analysis.ComputeOnce<>(com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build());
    private final List<FeatureLayer> layers;

    public Layers(BorderlineData data, ClaimChecker claims, CoverageService coverages, GeometryFactory factory) {
        this(data, claims, coverages, factory, UserLayers.NONE);
    }

    /** With the user's layers appended as collections {@code layer-NAME} (the same features in every dataset). */
    public Layers(BorderlineData data, ClaimChecker claims, CoverageService coverages, GeometryFactory factory,
                  UserLayers userLayers) {
        this.data = data;
        this.claims = claims;
        this.coverages = coverages;
        this.factory = factory;
        List<FeatureLayer> all = new ArrayList<>(List.of(
            new FeatureLayer("countries", "Countries",
                "Land territory of each country and territory of the dataset (RUS-KGD, the Kaliningrad exclave, is"
                    + " also part of RUS). area_km2 is ellipsoidal (GeographicLib) of the stored polygon.",
                "MultiPolygon", List.of("code"), ds -> memo("countries", ds, this::countries)),
            new FeatureLayer("borders", "Borders",
                "Shared international boundary lines between loaded states. OSM-derived lines run through rivers"
                    + " and lakes and include territorial-sea boundaries; land_km and water_km split the length"
                    + " (geodesic, km).",
                "MultiLineString", List.of("a", "b"), ds -> memo("borders", ds, this::borders)),
            new FeatureLayer("sites", "Sites",
                "Named places and sites (cities, border towns, crossings, airfields, military sites), each with its"
                    + " cited coordinate source and stated positional precision.",
                "Point", List.of("kind", "country"), ds -> memo("sites", ds, this::sites)),
            new FeatureLayer("claims", "Claims",
                "Public distance claims at the place they are about, with the claimed and the measured geodesic"
                    + " distance (km) to the target state's boundary line in this dataset, and the verdict.",
                "Point", List.of("target", "verdict"), ds -> memo("claims", ds, this::claims), ds -> claimPlaces()),
            new FeatureLayer("drones", "Drone classes",
                "The drone catalogue: nominal range (km), what the range means, and the cited source. No geometry.",
                null, List.of("drone_class"), ds -> memo("drones", ds, d -> drones())),
            coverageLayer("coverage-blr", "Belarus", List.of(CountryCode.BLR)),
            coverageLayer("coverage-rus", "European Russia (west of 60° E, Kaliningrad included)",
                List.of(CountryCode.RUS)),
            new FeatureLayer(TIME_RINGS, "Warning-time rings from Belarus and the Kaliningrad exclave",
                "For each drone class with a published speed, the area it reaches from Belarus (BLR) and from"
                    + " Russia's Kaliningrad exclave (RUS-KGD) within " + minutesText() + " minutes of flight at its"
                    + " fastest published speed (maximum, else cruise: the shortest warning the sources allow):"
                    + " a true geodesic buffer of speed x minutes on WGS84 (every outline vertex within max(0.1 %"
                    + " of it, 20 m)), rings beyond the class's range left out. minutes, speed_kmh, range_km (the"
                    + " distance flown) and class_range_km are numbers a style can use; a straight-line lower bound"
                    + " of the warning time (real routes are longer). Whole rings: a country has no apex for"
                    + " azimuths; range fans from a site or point are GET /coverage?site=..&azimuth_from=..&"
                    + "azimuth_to=.. (other sources and minutes: GET /coverage?from=..&drone=..&minutes=..).",
                "MultiPolygon", List.of("source", "drone", "minutes"), ds -> memo(TIME_RINGS, ds, this::timeRings),
                ds -> reach(data.dataset(ds), TIME_RING_SOURCES, null))));
        for (UserLayer l : userLayers.all()) {
            all.add(userLayer(l));
        }
        this.layers = List.copyOf(all);
    }

    /** A user layer as a collection: its features as repaired (areas as MultiPolygon, lines as MultiLineString). */
    private FeatureLayer userLayer(UserLayer l) {
        List<Feature> features = new ArrayList<>();
        for (UserFeature f : l.target().features()) {
            features.add(new Feature(f.id(), multi(f.geometry()), f.properties()));
        }
        List<Feature> fixed = List.copyOf(features);
        String type = l.target().hasAreas() && l.target().hasLines() ? null
            : l.target().hasAreas() ? "MultiPolygon" : "MultiLineString";
        return new FeatureLayer(l.collectionId(), "User layer " + l.name() + " (user-supplied)",
            "User-supplied layer read at start-up from " + l.fileName() + " (SHA-256 " + l.fileSha256() + ", "
                + l.loadedAt() + "). Not part of Borderline's data: Borderline serves it as read, after the repair"
                + " GET /layers reports.", type, List.of(), ds -> fixed);
    }

    public List<FeatureLayer> all() {
        return layers;
    }

    public FeatureLayer get(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /** Computes every layer of the default dataset, so the first client does not wait for the coverages. */
    public void warmUp() {
        warmUp(layers.stream().map(FeatureLayer::id).toList(), () -> { });
    }

    /** Computes the named layers of the default dataset in that order, running {@code yield} before each. */
    public void warmUp(List<String> ids, Runnable yield) {
        for (String id : ids) {
            yield.run();
            get(id).features().apply(BorderlineData.DEFAULT_DATASET);
        }
    }

    private List<Feature> memo(String layer, String dataset, java.util.function.Function<Dataset, List<Feature>> f) {
        return built.get(layer + "|" + dataset, () -> List.copyOf(f.apply(data.dataset(dataset))));
    }

    private List<Feature> countries(Dataset ds) {
        List<Feature> out = new ArrayList<>();
        for (CountryCode c : ds.countries()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", c.code());
            p.put("name_en", c.nameEn());
            p.put("name_local", c.nameLocal());
            p.put("area_km2", round(ds.territory(c).areaKm2(), 1));
            p.put("part_of", c.partOf().map(CountryCode::code).orElse(null));
            p.put("dataset", ds.id());
            // decoded on each use, not held: the world's land is 400 MB decoded (its lakes are 1.9 million holes)
            Territory t = ds.territory(c);
            out.add(Feature.lazy(c.code(), () -> multi(t.geometry()), t.envelope(), t.numPoints(), t::mayIntersect, p));
        }
        return out;
    }

    private List<Feature> borders(Dataset ds) {
        List<Feature> out = new ArrayList<>();
        for (Border b : ds.borders()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", b.id());
            p.put("a", b.a().code());
            p.put("b", b.b().code());
            p.put("length_km", round(b.lengthKm(), 3));
            p.put("land_km", b.landPart() == null ? null : round(EllipsoidalMeasure.lengthM(b.landPart()) / 1000, 3));
            p.put("water_km", b.waterPart() == null ? null : round(EllipsoidalMeasure.lengthM(b.waterPart()) / 1000, 3));
            p.put("dataset", ds.id());
            out.add(new Feature(b.id(), multi(b.line()), p));
        }
        return out;
    }

    private List<Feature> sites(Dataset ds) {
        List<Feature> out = new ArrayList<>();
        for (Site s : data.sites().values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", s.id());
            p.put("name_en", s.nameEn());
            p.put("name_local", s.nameLocal());
            p.put("kind", s.kind());
            p.put("country", s.country().code());
            p.put("population", s.population());
            p.put("geonames_id", s.geonamesId());
            p.put("coord_precision_m", s.coordPrecisionM());
            p.put("source", s.source());
            out.add(new Feature(s.id(), point(s.lon(), s.lat()), p));
        }
        return out;
    }

    private List<Feature> claims(Dataset ds) {
        List<Feature> out = new ArrayList<>();
        for (Claim c : data.claims().values()) {
            ClaimCheck check = claims.check(c);
            ClaimCheck.Measurement m = measurement(check, ds.id(), "political_boundary");
            if (m == null) {
                m = measurement(check, ds.id(), "nearest_territory");
            }
            ClaimCheck.Measurement land = measurement(check, ds.id(), "nearest_territory");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", c.id());
            p.put("place", c.site().nameEn());
            p.put("target", c.target().code());
            p.put("claimed_km", c.claimedKm());
            p.put("measured_km", m.measuredKm());
            p.put("measured_to", m.definition());
            p.put("nearest_territory_km", land.measuredKm());
            p.put("difference_km", m.differenceKm());
            p.put("verdict_tolerance_km", check.verdictToleranceKm());
            p.put("verdict", m.verdict());
            p.put("nearest_lat", m.nearestLat());
            p.put("nearest_lon", m.nearestLon());
            p.put("place_inside_target", m.placeInsideTarget());
            p.put("quote", c.quote());
            p.put("speaker", c.speaker());
            p.put("speaker_role", c.speakerRole());
            p.put("event", c.event());
            p.put("date", c.date());
            p.put("source", c.source());
            p.put("published", c.published());
            p.put("dataset", ds.id());
            out.add(new Feature(c.id(), point(c.site().lon(), c.site().lat()), p));
        }
        return out;
    }

    private static ClaimCheck.Measurement measurement(ClaimCheck check, String dataset, String definition) {
        return check.measurements().stream().filter(x -> x.dataset().equals(dataset)
            && x.definition().equals(definition)).findFirst().orElse(null);
    }

    private List<Feature> drones() {
        List<Feature> out = new ArrayList<>();
        for (DroneClass d : data.drones().values()) {
            out.add(new Feature(d.id(), null, droneProperties(d)));
        }
        return out;
    }

    private static Map<String, Object> droneProperties(DroneClass d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("name", d.name());
        p.put("drone_class", d.droneClass());
        p.put("range_km", d.rangeKm());
        p.put("range_meaning", d.rangeMeaning());
        p.put("examples", d.examples());
        p.put("source", d.source());
        p.put("source_url", d.sourceUrl());
        return p;
    }

    private FeatureLayer coverageLayer(String id, String from, List<CountryCode> source) {
        String codes = String.join(",", source.stream().map(CountryCode::code).toList());
        return new FeatureLayer(id, "Drone coverage from " + from,
            "For each drone class of the catalogue, everything within its nominal range of " + from + "'s territory"
                + " (" + codes + "): a true geodesic buffer on WGS84 (every outline vertex at the range"
                + " within max(0.1 % of it, 20 m)), the source territory included. area_km2 is ellipsoidal. A"
                + " coverage holding the North Pole is a cap closed through it. A class the engine does not compute"
                + " is listed without a geometry, and not_drawn says why.",
            "MultiPolygon", List.of("drone", "drone_class"),
            ds -> memo(id, ds, d -> coverages(d, source)),
            ds -> reach(data.dataset(ds), source, source.contains(CountryCode.RUS) ? EUROPEAN_RUSSIA.window() : null));
    }

    /** The claims' places: the layer's points, known without checking the claims (which index their targets). */
    private Envelope claimPlaces() {
        Envelope e = new Envelope();
        for (Claim c : data.claims().values()) {
            e.expandToInclude(c.site().lon(), c.site().lat());
        }
        return e;
    }

    /**
     * A box holding everything within the catalogue's longest range of the sources' territories (cut to
     * {@code window} when given): the extent of a coverage layer before its coverages are computed.
     */
    private Envelope reach(Dataset ds, List<CountryCode> source, Envelope window) {
        double rangeM = data.drones().values().stream().mapToDouble(DroneClass::rangeKm).max().orElse(0) * 1000;
        Envelope e = new Envelope();
        for (CountryCode c : source) {
            Envelope t = ds.territory(c).envelope();
            e.expandToInclude(window == null ? t : t.intersection(window));
        }
        return io.borderline.geodesy.GeodesicBounds.within(e, rangeM);
    }

    private List<Feature> coverages(Dataset ds, List<CountryCode> source) {
        List<Feature> out = new ArrayList<>();
        List<String> ids = source.stream().map(CountryCode::code).toList();
        for (DroneClass d : data.drones().values()) {
            io.borderline.analysis.CoverageResult result = null;
            String notDrawn = null;
            try {
                CoverageRequest req = source.contains(CountryCode.RUS)
                    ? new CoverageRequest(ds.id(), "region", List.of(EUROPEAN_RUSSIA.id()), d.rangeKm(), d.id(), false)
                    : new CoverageRequest(ds.id(), "country", ids, d.rangeKm(), d.id(), false);
                result = coverages.outline(req);
            } catch (io.borderline.coverage.CoverageLimitException e) {
                // a coverage the engine refuses (past its deadline or vertex limit): the class stays in the layer,
                // without a geometry and saying why, rather than vanishing from it
                notDrawn = e.getMessage();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("drone", d.id());
            p.put("drone_class", d.droneClass());
            p.put("range_km", d.rangeKm());
            p.put("range_meaning", d.rangeMeaning());
            p.put("source", String.join(",", ids));
            if (source.contains(CountryCode.RUS)) {
                p.put("source_window", EUROPEAN_RUSSIA.windowText() + " (European Russia and Kaliningrad; the"
                    + " source " + EUROPEAN_RUSSIA.id() + " of GET /coverage)");
            }
            p.put("area_km2", result == null ? null : round(EllipsoidalMeasure.areaM2(result.geometry()) / 1e6, 1));
            p.put("tolerance_m", result == null ? null : result.coverage().toleranceM());
            p.put("dropped_vertices", result == null ? null : result.coverage().droppedVertices());
            p.put("dataset", ds.id());
            p.put("not_drawn", notDrawn);
            out.add(new Feature(d.id(), result == null ? null : packed(result.geometry()), p));
        }
        return out;
    }

    private static String minutesText() {
        List<String> m = TIME_RING_MINUTES.stream().map(String::valueOf).toList();
        return String.join(", ", m.subList(0, m.size() - 1)) + " and " + m.get(m.size() - 1);
    }

    /** The time rings of every class with a published speed, per source, shortest flight time first. */
    private List<Feature> timeRings(Dataset ds) {
        List<Feature> out = new ArrayList<>();
        for (CountryCode source : TIME_RING_SOURCES) {
            for (DroneClass d : data.drones().values()) {
                Double speed = d.fastestSpeedKmh();
                if (speed == null) {
                    continue;
                }
                for (int minutes : TIME_RING_MINUTES) {
                    double km = io.borderline.analysis.WarningTime.distanceM(minutes, speed) / 1000;
                    if (km > d.rangeKm()) {
                        break;
                    }
                    CoverageRequest req = new CoverageRequest(ds.id(), "country", List.of(source.code()), km, d.id(),
                        false).timeRing(km, minutes, speed);
                    io.borderline.analysis.CoverageResult result;
                    try {
                        result = coverages.outline(req);
                    } catch (io.borderline.coverage.CoverageLimitException e) {
                        continue; // not representable (none of these ranges is near the limits)
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("source", source.code());
                    p.put("drone", d.id());
                    p.put("drone_class", d.droneClass());
                    p.put("minutes", minutes);
                    p.put("speed_kmh", speed);
                    p.put("speed_basis", d.maxSpeedKmh() != null ? "max" : "cruise");
                    p.put("range_km", round(km, 3));
                    p.put("class_range_km", d.rangeKm());
                    p.put("basis", io.borderline.analysis.WarningTime.BASIS);
                    p.put("area_km2", round(EllipsoidalMeasure.areaM2(result.geometry()) / 1e6, 1));
                    p.put("tolerance_m", result.coverage().toleranceM());
                    p.put("dataset", ds.id());
                    out.add(new Feature(source.code() + "-" + d.id() + "-" + minutes + "min",
                        packed(result.geometry()), p));
                }
            }
        }
        return out;
    }

    /** One geometry type per layer (GIS clients type a layer by its features): polygons and lines as multi. */
    private Geometry multi(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.Polygon p) {
            return factory.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
        }
        if (g instanceof org.locationtech.jts.geom.LineString l) {
            return factory.createMultiLineString(new org.locationtech.jts.geom.LineString[] {l});
        }
        return g;
    }

    /**
     * A published coverage kept for good: as multi, with packed coordinates (16 bytes a vertex instead of an
     * object per vertex; the outlines of Russia's coverages are millions of vertices).
     */
    private Geometry packed(Geometry g) {
        return io.borderline.data.GeometryCodec.PACKED.createGeometry(multi(g));
    }

    private Geometry point(double lon, double lat) {
        return factory.createPoint(new Coordinate(lon, lat));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

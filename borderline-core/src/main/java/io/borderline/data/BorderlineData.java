package io.borderline.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything loaded from the data directory at start-up: both boundary datasets, the named
 * sites, the cited claims and the drone catalogue. {@link #load} verifies every file against
 * {@code MANIFEST.sha256} and validates its content; any problem stops start-up with a
 * {@link DataFileException} naming the file. Immutable and thread-safe once loaded.
 */
public final class BorderlineData {
    public static final String DEFAULT_DATASET = "osm10m";
    public static final List<String> DATASETS = List.of("osm10m", "ne10m");
    /** The country table: every code of both datasets with names and ISO codes. */
    public static final String COUNTRIES_FILE = "countries.csv";

    private final Map<String, Dataset> datasets;
    private final Map<String, Site> sites;
    private final Map<String, Claim> claims;
    private final Map<String, DroneClass> drones;
    private final Lazy<List<Place>> places;

    private BorderlineData(Map<String, Dataset> datasets, Map<String, Site> sites, Map<String, Claim> claims,
                           Map<String, DroneClass> drones, Lazy<List<Place>> places) {
        this.datasets = datasets;
        this.sites = sites;
        this.claims = claims;
        this.drones = drones;
        this.places = places;
    }

    /**
     * Loads and checks the data directory. The boundary files' checksums are computed on a second thread
     * while the files are read (the two together are most of the load time); the places file is verified
     * here and parsed on first use ({@link #places}), off the start-up path.
     */
    public static BorderlineData load(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new DataFileException(dataDir, "is not a directory");
        }
        Manifest manifest = Manifest.read(dataDir);
        manifest.verify(dataDir, COUNTRIES_FILE);
        List<String> boundaryFiles = DATASETS.stream().map(id -> "boundaries/" + id + ".bin").toList();
        // a thread of its own: the common pool has one worker on two cores, and the service's start-up uses it
        CompletableFuture<Void> checksums = CompletableFuture.runAsync(() -> {
            for (String rel : boundaryFiles) {
                manifest.verify(dataDir, rel);
            }
        }, task -> {
            Thread t = new Thread(task, "data-checksums");
            t.setDaemon(true);
            t.start();
        });
        readCountries(dataDir.resolve(COUNTRIES_FILE));
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        for (int i = 0; i < DATASETS.size(); i++) {
            Path file = dataDir.resolve(boundaryFiles.get(i));
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(file, "is missing");
            }
            Path cellFile = CellFile.beside(file);
            String cellRel = dataDir.relativize(cellFile).toString();
            Map<String, CellRaster> cells = Map.of();
            if (manifest.lists(cellRel)) { // derived by the build; without it each raster is computed on first use
                manifest.verify(dataDir, cellRel);
                cells = CellFile.read(cellFile);
            }
            datasets.put(DATASETS.get(i), toDataset(file, BoundaryFile.read(file), cells));
        }
        manifest.verify(dataDir, "sites.csv");
        Map<String, Site> sites = readSites(dataDir.resolve("sites.csv"));
        manifest.verify(dataDir, "claims.csv");
        Map<String, Claim> claims = readClaims(dataDir.resolve("claims.csv"), sites);
        manifest.verify(dataDir, "drones.csv");
        Map<String, DroneClass> drones = readDrones(dataDir.resolve("drones.csv"));
        manifest.verify(dataDir, "places.csv.gz");
        Path placesFile = dataDir.resolve("places.csv.gz");
        try {
            checksums.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new BorderlineData(Collections.unmodifiableMap(datasets), Collections.unmodifiableMap(sites),
            Collections.unmodifiableMap(claims), Collections.unmodifiableMap(drones),
            new Lazy<>(() -> readPlaces(placesFile)));
    }

    /** Registers every row of countries.csv as a {@link CountryCode}. */
    private static void readCountries(Path file) {
        CsvTable t = CsvTable.read(file, List.of("code", "iso2", "iso_numeric", "name_en", "name_local", "part_of"));
        for (int i = 0; i < t.size(); i++) {
            String code = t.text(i, "code");
            if (!code.matches("[A-Z]{3}(-[A-Z]{3})?")) {
                throw t.bad(i, "code", "is not an alpha-3 code or AAA-XXX: " + code);
            }
            CountryCode.define(code, t.text(i, "name_en"), t.text(i, "name_local"), t.optional(i, "iso2"),
                t.optional(i, "iso_numeric"), t.optional(i, "part_of"));
        }
    }

    static Dataset toDataset(Path file, List<FeatureRecord> records) {
        return toDataset(file, records, Map.of());
    }

    /** As {@link #toDataset(Path, List)}, with the territories' cell rasters from the build ({@link CellFile}). */
    static Dataset toDataset(Path file, List<FeatureRecord> records, Map<String, CellRaster> cells) {
        DatasetInfo info = null;
        Map<CountryCode, Territory> territories = new LinkedHashMap<>();
        List<FeatureRecord> borderRecords = new ArrayList<>();
        Map<String, FeatureRecord[]> parts = new LinkedHashMap<>();
        for (FeatureRecord r : records) {
            switch (r.kind()) {
                case "dataset" -> {
                    Map<String, String> p = r.properties();
                    info = new DatasetInfo(r.id(), p.get("package"), p.get("version"), p.get("upstream"),
                        p.get("licence"), p.get("attribution"), p.get("resolution"));
                }
                case FeatureRecord.COUNTRY -> {
                    CountryCode c = CountryCode.parse(r.id())
                        .orElseThrow(() -> new DataFileException(file, "has unknown country code " + r.id()));
                    territories.put(c, new Territory(c, r::geometry, r.envelope(), r.numPoints(), area(file, r),
                        cells.get(r.id())));
                }
                case FeatureRecord.BORDER -> borderRecords.add(r);
                case FeatureRecord.BORDER_LAND, FeatureRecord.BORDER_WATER, FeatureRecord.BORDER_SEA -> {
                    int k = r.kind().equals(FeatureRecord.BORDER_LAND) ? 0 : r.kind().equals(FeatureRecord.BORDER_WATER) ? 1 : 2;
                    parts.computeIfAbsent(r.id(), x -> new FeatureRecord[3])[k] = r;
                }
                default -> throw new DataFileException(file, "has a record of unknown kind " + r.kind());
            }
        }
        if (info == null) {
            throw new DataFileException(file, "has no dataset record");
        }
        List<Border> borders = new ArrayList<>();
        for (FeatureRecord r : borderRecords) {
            String a = r.properties().get("a");
            String b = r.properties().get("b");
            CountryCode ca = CountryCode.parse(a)
                .orElseThrow(() -> new DataFileException(file, "border " + r.id() + " names unknown country " + a));
            CountryCode cb = CountryCode.parse(b)
                .orElseThrow(() -> new DataFileException(file, "border " + r.id() + " names unknown country " + b));
            double length;
            try {
                length = Double.parseDouble(r.properties().get("length_km"));
            } catch (RuntimeException e) {
                throw new DataFileException(file, "border " + r.id() + " lacks a numeric length_km");
            }
            FeatureRecord[] p = parts.remove(r.id());
            borders.add(new Border(r.id(), ca, cb, length, r.properties(), r::geometry,
                p == null || p[0] == null ? null : p[0]::geometry, p == null || p[1] == null ? null : p[1]::geometry,
                p == null || p[2] == null ? null : p[2]::geometry));
        }
        if (!parts.isEmpty()) {
            throw new DataFileException(file, "has border parts without a border: " + parts.keySet());
        }
        if (territories.isEmpty()) {
            throw new DataFileException(file, "has no territory");
        }
        return new Dataset(info, territories, borders);
    }

    private static double area(Path file, FeatureRecord r) {
        try {
            return Double.parseDouble(r.properties().get("area_km2"));
        } catch (RuntimeException e) {
            throw new DataFileException(file, "territory " + r.id() + " lacks a numeric area_km2");
        }
    }

    private static Map<String, Site> readSites(Path file) {
        CsvTable t = CsvTable.read(file, List.of("id", "name_en", "name_local", "country", "lat", "lon", "kind",
            "population", "geonames_id", "coord_precision_m", "source"));
        Map<String, Site> sites = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String id = t.text(i, "id");
            if (!id.matches("[a-z0-9-]{1,64}")) {
                throw t.bad(i, "id", "must be lowercase letters, digits and hyphens: " + id);
            }
            String kind = t.text(i, "kind");
            if (!Site.KINDS.contains(kind)) {
                throw t.bad(i, "kind", "is " + kind + ", allowed " + Site.KINDS);
            }
            Site s = new Site(id, t.text(i, "name_en"), t.text(i, "name_local"), t.country(i, "country"),
                t.number(i, "lat", -90, 90), t.number(i, "lon", -180, 180), kind, t.optionalLong(i, "population"),
                t.optionalLong(i, "geonames_id"), t.number(i, "coord_precision_m", 0, 100_000), t.text(i, "source"));
            if (sites.put(id, s) != null) {
                throw t.bad(i, "id", "repeats " + id);
            }
        }
        return sites;
    }

    private static Map<String, Claim> readClaims(Path file, Map<String, Site> sites) {
        CsvTable t = CsvTable.read(file, List.of("id", "place_site_id", "target_country", "claimed_km", "quote",
            "speaker", "speaker_role", "event", "date", "source", "published", "source_url"));
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String siteId = t.text(i, "place_site_id");
            Site site = sites.get(siteId);
            if (site == null) {
                throw t.bad(i, "place_site_id", "names unknown site " + siteId);
            }
            String date = t.text(i, "date");
            if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw t.bad(i, "date", "is not an ISO date: " + date);
            }
            Claim c = new Claim(t.text(i, "id"), site, t.country(i, "target_country"),
                t.number(i, "claimed_km", 0, 20_000), t.text(i, "quote"), t.text(i, "speaker"),
                t.text(i, "speaker_role"), t.text(i, "event"), date, t.text(i, "source"), t.text(i, "published"),
                t.optional(i, "source_url"));
            if (claims.put(c.id(), c) != null) {
                throw t.bad(i, "id", "repeats " + c.id());
            }
        }
        return claims;
    }

    private static Map<String, DroneClass> readDrones(Path file) {
        CsvTable t = CsvTable.read(file, List.of("id", "name", "class", "range_km", "range_meaning", "examples",
            "source", "source_url", "cruise_speed_kmh", "cruise_speed_source", "cruise_speed_url", "max_speed_kmh",
            "max_speed_source", "max_speed_url"));
        Map<String, DroneClass> drones = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String cls = t.text(i, "class");
            if (!DroneClass.CLASSES.contains(cls)) {
                throw t.bad(i, "class", "is " + cls + ", allowed " + DroneClass.CLASSES);
            }
            String meaning = t.text(i, "range_meaning");
            if (!DroneClass.MEANINGS.contains(meaning)) {
                throw t.bad(i, "range_meaning", "is " + meaning + ", allowed " + DroneClass.MEANINGS);
            }
            Double cruise = t.optionalNumber(i, "cruise_speed_kmh", 1, DroneClass.MAX_SPEED_KMH);
            Double max = t.optionalNumber(i, "max_speed_kmh", 1, DroneClass.MAX_SPEED_KMH);
            if (cruise != null && max != null && max < cruise) {
                throw t.bad(i, "max_speed_kmh", "is " + max + ", below cruise_speed_kmh " + cruise);
            }
            DroneClass d = new DroneClass(t.text(i, "id"), t.text(i, "name"), cls, t.number(i, "range_km", 1, 2500),
                meaning, t.optional(i, "examples"), t.text(i, "source"), t.text(i, "source_url"),
                cruise, citation(t, i, "cruise_speed", cruise), cruise == null ? null : t.text(i, "cruise_speed_url"),
                max, citation(t, i, "max_speed", max), max == null ? null : t.text(i, "max_speed_url"));
            if (drones.put(d.id(), d) != null) {
                throw t.bad(i, "id", "repeats " + d.id());
            }
        }
        return drones;
    }

    /**
     * The citation of a speed: required with the figure (its quote must contain the figure, so a typo in either
     * is caught at start-up), and required absent without one (an uncited source of an unknown speed is noise).
     */
    private static String citation(CsvTable t, int row, String prefix, Double speed) {
        String column = prefix + "_source";
        if (speed == null) {
            if (!t.optional(row, column).isEmpty() || !t.optional(row, prefix + "_url").isEmpty()) {
                throw t.bad(row, column, "cites a source but " + prefix + "_kmh is empty");
            }
            return null;
        }
        String text = t.text(row, column);
        String figure = speed == Math.rint(speed) ? Long.toString(speed.longValue()) : speed.toString();
        if (!quotesFigure(text, figure)) {
            throw t.bad(row, column, "does not quote the figure " + figure + " km/h between double quotes");
        }
        return text;
    }

    /** True when a passage between a pair of double quotes contains the figure as a whole number. */
    static boolean quotesFigure(String citation, String figure) {
        String[] parts = citation.split("\"", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?<![0-9.,])" + java.util.regex.Pattern.quote(figure)
            + "(?![0-9])");
        for (int i = 1; i < parts.length - 1; i += 2) { // odd parts lie between an opening and a closing quote
            if (p.matcher(parts[i]).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Place> readPlaces(Path file) {
        CsvTable t = CsvTable.read(file, List.of("geonames_id", "name", "country_iso2", "feature_code", "population",
            "lat", "lon"));
        List<Place> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Long id = t.optionalLong(i, "geonames_id");
            Long pop = t.optionalLong(i, "population");
            if (id == null || pop == null || pop < 0) {
                throw t.bad(i, "population", "must be a non-negative integer with a geonames_id");
            }
            out.add(new Place(id, t.text(i, "name"), t.text(i, "country_iso2"), pop,
                t.number(i, "lat", -90, 90), t.number(i, "lon", -180, 180)));
        }
        return List.copyOf(out);
    }

    /**
     * GeoNames places (population ≥ 1,000) worldwide; parsed on the first call (140,000 rows, about a second),
     * which the service makes in the background after start-up. The file's checksum was verified by {@link #load}.
     */
    public List<Place> places() {
        return places.get();
    }

    public Dataset dataset(String id) {
        return datasets.get(id);
    }

    /**
     * Neighbours of {@code c} that another loaded dataset draws and {@code ds} does not (a regional dataset
     * beside a world one): {@code ds}'s border of {@code c} leaves out the borders with them, so an answer
     * from {@code ds} near them is not the nearest border. In code order; empty when {@code ds} is complete.
     */
    public List<CountryCode> missingNeighbours(Dataset ds, CountryCode c) {
        java.util.TreeSet<String> missing = new java.util.TreeSet<>();
        for (Dataset other : datasets.values()) {
            if (other != ds && other.has(c)) {
                for (CountryCode n : other.neighbours(c)) {
                    if (!ds.has(n)) {
                        missing.add(n.code());
                    }
                }
            }
        }
        return missing.stream().map(code -> CountryCode.parse(code).orElseThrow()).toList();
    }


    public Map<String, Dataset> datasets() {
        return datasets;
    }

    public Map<String, Site> sites() {
        return sites;
    }

    public Map<String, Claim> claims() {
        return claims;
    }

    public Map<String, DroneClass> drones() {
        return drones;
    }
}

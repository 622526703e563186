package io.borderline.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.FeatureRecord;
import io.borderline.data.Manifest;
import io.borderline.geodesy.Densifier;
import io.borderline.geodesy.EllipsoidalMeasure;
import io.borderline.geodesy.GeodesicSegments;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * The data build: reads the pinned npm tarballs (already fetched with {@code npm pack} and
 * unpacked by {@code scripts/build-data.sh}), verifies their SHA-256, extracts the region,
 * repairs it, derives the shared borders, and writes {@code data/} with its SOURCES.md and
 * MANIFEST.sha256. Deterministic: the same inputs give byte-identical outputs.
 *
 * <p>Usage: {@code BuildData <npm-dir> <data-dir>}
 */
public final class BuildData {
    private static final GeometryFactory F = BoundaryFile.FACTORY;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OSM = "osm10m";
    static final String NE = "ne10m";

    private final Path npmDir;
    private final Path dataDir;
    private final List<RepairReport> repairs = new ArrayList<>();
    private final Map<String, String> inputSha = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private BuildData(Path npmDir, Path dataDir) {
        this.npmDir = npmDir;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BuildData <npm-dir> <data-dir>");
            System.exit(2);
        }
        new BuildData(Path.of(args[0]), Path.of(args[1])).run();
    }

    private void run() throws IOException {
        for (NpmSource s : List.of(NpmSource.LAND, NpmSource.MARITIME, NpmSource.WORLD_ATLAS, NpmSource.CITIES)) {
            String sha = Manifest.sha256(npmDir.resolve(s.tarball()));
            if (!sha.equals(s.sha256())) {
                throw new IllegalStateException(s.tarball() + " has SHA-256 " + sha + ", pinned " + s.sha256());
            }
            inputSha.put(s.name(), sha);
        }
        List<String> outputs = new ArrayList<>();
        long t0 = System.nanoTime();
        outputs.add(writeBoundaries(NE, buildNaturalEarth()));
        log("Natural Earth", t0);
        outputs.add(writeBoundaries(OSM, buildOsm()));
        log("OSM", t0);
        outputs.add(writePlaces());
        log("GeoNames", t0);
        for (String curated : List.of("sites.csv", "claims.csv", "drones.csv")) {
            if (Files.exists(dataDir.resolve(curated))) {
                outputs.add(curated);
            }
        }
        Manifest.write(dataDir, outputs);
        new SourcesWriter(dataDir, inputSha, repairs, notes).write(outputs);
        System.out.println("wrote " + outputs + " and " + Manifest.FILE_NAME + ", SOURCES.md");
    }

    private static void log(String step, long t0) {
        System.out.printf("%s done after %.0f s%n", step, (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- OSM (geo-maps)

    private List<FeatureRecord> buildOsm() throws IOException {
        Set<String> wanted = CountryCode.states().stream().map(CountryCode::code).collect(Collectors.toSet());
        Map<String, Geometry> land = readGeoMaps(NpmSource.LAND, wanted);
        Map<String, Geometry> maritime = readGeoMaps(NpmSource.MARITIME, wanted);
        List<FeatureRecord> records = new ArrayList<>();
        records.add(datasetRecord(OSM, NpmSource.LAND, "10 m (OSM-derived; vertices on a 1e-5 degree grid)"));
        Map<CountryCode, Geometry> stored = new java.util.LinkedHashMap<>();
        for (CountryCode c : CountryCode.states()) {
            CountryExtract.Result r = CountryExtract.extract(OSM, c.code(), land.get(c.code()));
            repairs.add(r.report());
            stored.put(c, r.stored());
            System.out.println("  OSM " + c.code() + " extracted");
        }
        stored.put(CountryCode.RUS_KGD, CountryExtract.kaliningrad(stored.get(CountryCode.RUS)));
        stored.forEach((c, g) -> records.add(countryRecord(c, g)));

        SharedSegments landEdges = new SharedSegments();
        SharedSegments seaEdges = new SharedSegments();
        land.forEach(landEdges::add);
        maritime.forEach(seaEdges::add);
        Geometry overlap = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(stored.get(CountryCode.RUS),
            stored.get(CountryCode.UKR), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        notes.add(String.format("OSM land data: Russia and Ukraine overlap over %.0f km² (Crimea and Sevastopol are in both"
            + " polygons); Borderline keeps both and reports points there as disputed.",
            EllipsoidalMeasure.areaM2(overlap) / 1e6));
        for (String[] pair : neighbourPairs()) {
            Set<SharedSegments.SegmentKey> political = seaEdges.shared(pair[0], pair[1]);
            if (political.isEmpty()) {
                continue;
            }
            Set<SharedSegments.SegmentKey> onLand = landEdges.shared(pair[0], pair[1]);
            Set<SharedSegments.SegmentKey> water = new HashSet<>(political);
            water.removeAll(onLand);
            Set<SharedSegments.SegmentKey> dry = new HashSet<>(political);
            dry.retainAll(onLand);
            Set<SharedSegments.SegmentKey> landOnlyNotPolitical = new HashSet<>(onLand);
            landOnlyNotPolitical.removeAll(political);
            MultiLineString all = SharedSegments.merge(political, F);
            Map<String, String> props = borderProps(pair, all);
            props.put("land_length_km", km(EllipsoidalMeasure.lengthM(SharedSegments.merge(dry, F))));
            props.put("water_length_km", km(EllipsoidalMeasure.lengthM(SharedSegments.merge(water, F))));
            props.put("land_polygons_shared_length_km",
                km(EllipsoidalMeasure.lengthM(SharedSegments.merge(onLand, F))));
            props.put("line", "political boundary from " + NpmSource.MARITIME.name()
                + " (through rivers, lakes and territorial sea); land_length_km is where the land polygons share it");
            records.add(new FeatureRecord(FeatureRecord.BORDER, borderId(pair), props,
                Densifier.densify(all, GeodesicSegments.MAX_SEGMENT_M)));
            // the same line split by kind, so answers can say whether their nearest point is on land
            // or in water (a river, a lake, or where two territorial seas meet)
            if (!dry.isEmpty()) {
                records.add(new FeatureRecord(FeatureRecord.BORDER_LAND, borderId(pair), Map.of(),
                    Densifier.densify(SharedSegments.merge(dry, F), GeodesicSegments.MAX_SEGMENT_M)));
            }
            if (!water.isEmpty()) {
                records.add(new FeatureRecord(FeatureRecord.BORDER_WATER, borderId(pair), Map.of(),
                    Densifier.densify(SharedSegments.merge(water, F), GeodesicSegments.MAX_SEGMENT_M)));
            }
        }
        return records;
    }

    private Map<String, Geometry> readGeoMaps(NpmSource source, Set<String> wanted) throws IOException {
        Path file = npmDir.resolve(source.extracted()).resolve("package/map.geo.json");
        Map<String, Geometry> out = new HashMap<>();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken(); // START_ARRAY
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode feature = JSON.readTree(p);
                        String a3 = feature.path("properties").path("A3").asText();
                        if (wanted.contains(a3)) {
                            out.put(a3, GeoJsonGeometries.toJts(feature.get("geometry"), F));
                        }
                    }
                }
            }
        }
        if (!out.keySet().containsAll(wanted)) {
            throw new IllegalStateException(file + " lacks some of " + wanted);
        }
        return out;
    }

    // ---------------------------------------------------------------- Natural Earth (world-atlas)

    private List<FeatureRecord> buildNaturalEarth() throws IOException {
        Path file = npmDir.resolve(NpmSource.WORLD_ATLAS.extracted()).resolve("package/countries-10m.json");
        JsonNode topology = JSON.readTree(file.toFile());
        TopoJson topo = new TopoJson(topology, F);
        Map<String, CountryCode> byNumeric = new HashMap<>();
        CountryCode.states().forEach(c -> byNumeric.put(c.isoNumeric(), c));
        Map<CountryCode, Geometry> stored = new java.util.LinkedHashMap<>();
        Map<Integer, Set<String>> arcOwners = new HashMap<>();
        List<FeatureRecord> records = new ArrayList<>();
        records.add(datasetRecord(NE, NpmSource.WORLD_ATLAS, "1:10m (Natural Earth; quantized to about 400 m east-west, 190 m north-south)"));
        for (JsonNode g : topology.get("objects").get("countries").get("geometries")) {
            CountryCode c = byNumeric.get(g.path("id").asText());
            if (c == null) {
                continue;
            }
            Geometry raw = topo.polygons(g);
            CountryExtract.Result r = CountryExtract.extract(NE, c.code(), raw);
            repairs.add(r.report());
            stored.put(c, r.stored());
            collectArcs(g.get("arcs"), c.code(), arcOwners);
        }
        stored.put(CountryCode.RUS_KGD, CountryExtract.kaliningrad(stored.get(CountryCode.RUS)));
        stored.forEach((c, g) -> records.add(countryRecord(c, g)));
        for (String[] pair : neighbourPairs()) {
            List<LineString> lines = new ArrayList<>();
            arcOwners.forEach((arc, owners) -> {
                if (owners.contains(pair[0]) && owners.contains(pair[1])) {
                    lines.add(topo.arcLine(arc));
                }
            });
            if (lines.isEmpty()) {
                continue;
            }
            org.locationtech.jts.operation.linemerge.LineMerger merger = new org.locationtech.jts.operation.linemerge.LineMerger();
            lines.forEach(merger::add);
            @SuppressWarnings("unchecked")
            List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
            merged.sort((p, q) -> p.getCoordinateN(0).compareTo(q.getCoordinateN(0)));
            MultiLineString all = F.createMultiLineString(merged.toArray(LineString[]::new));
            Map<String, String> props = borderProps(pair, all);
            props.put("line", "arcs Natural Earth's topology shares between the two countries (land boundary)");
            records.add(new FeatureRecord(FeatureRecord.BORDER, borderId(pair), props,
                Densifier.densify(all, GeodesicSegments.MAX_SEGMENT_M)));
        }
        return records;
    }

    private static void collectArcs(JsonNode node, String owner, Map<Integer, Set<String>> owners) {
        if (node.isInt()) {
            int i = node.asInt();
            owners.computeIfAbsent(i < 0 ? ~i : i, k -> new HashSet<>()).add(owner);
        } else {
            node.forEach(n -> collectArcs(n, owner, owners));
        }
    }

    // ---------------------------------------------------------------- shared helpers

    /** Every pair of loaded states; Russia's pairs with Lithuania and Poland are Kaliningrad's. */
    private static List<String[]> neighbourPairs() {
        List<String[]> pairs = new ArrayList<>();
        List<CountryCode> states = CountryCode.states();
        for (int i = 0; i < states.size(); i++) {
            for (int j = i + 1; j < states.size(); j++) {
                pairs.add(new String[] {states.get(i).code(), states.get(j).code()});
            }
        }
        return pairs;
    }

    private static String borderId(String[] pair) {
        String a = pair[0];
        String b = pair[1];
        if ("RUS".equals(b) && ("LTU".equals(a) || "POL".equals(a))) {
            b = CountryCode.RUS_KGD.code();
        }
        return a + "-" + b;
    }

    private static Map<String, String> borderProps(String[] pair, MultiLineString line) {
        Map<String, String> props = new LinkedHashMap<>();
        String id = borderId(pair);
        props.put("a", id.substring(0, 3));
        props.put("b", id.substring(4));
        props.put("length_km", km(EllipsoidalMeasure.lengthM(line)));
        props.put("parts", Integer.toString(line.getNumGeometries()));
        return props;
    }

    private static FeatureRecord countryRecord(CountryCode c, Geometry g) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name_en", c.nameEn());
        props.put("name_local", c.nameLocal());
        props.put("area_km2", String.format(java.util.Locale.ROOT, "%.1f", EllipsoidalMeasure.areaM2(g) / 1e6));
        return new FeatureRecord(FeatureRecord.COUNTRY, c.code(), props, g);
    }

    private static FeatureRecord datasetRecord(String id, NpmSource source, String resolution) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("package", source.name());
        props.put("version", source.version());
        props.put("upstream", source.upstream());
        props.put("licence", source.licence());
        props.put("attribution", source.attribution());
        props.put("resolution", resolution);
        props.put("sha256", source.sha256());
        return new FeatureRecord("dataset", id, props, F.createGeometryCollection());
    }

    private static String km(double metres) {
        return String.format(java.util.Locale.ROOT, "%.3f", metres / 1000);
    }

    private String writeBoundaries(String dataset, List<FeatureRecord> records) throws IOException {
        String rel = "boundaries/" + dataset + ".bin.gz";
        BoundaryFile.write(dataDir.resolve(rel), records);
        return rel;
    }

    private String writePlaces() throws IOException {
        Set<String> iso2 = CountryCode.states().stream().map(CountryCode::iso2).collect(Collectors.toSet());
        List<GeoNamesPlaces.Place> places = GeoNamesPlaces.read(
            npmDir.resolve(NpmSource.CITIES.extracted()).resolve("package/cities.pbf"), iso2);
        places.sort((a, b) -> Long.compare(a.geonameId(), b.geonameId()));
        String rel = "places.csv.gz";
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(dataDir.resolve(rel))),
            StandardCharsets.UTF_8)) {
            w.write("geonames_id,name,country_iso2,feature_code,population,lat,lon\n");
            for (GeoNamesPlaces.Place p : places) {
                w.write(p.geonameId() + "," + Csv.quote(p.name()) + "," + p.countryIso2() + "," + p.featureCode()
                    + "," + p.population() + "," + String.format(java.util.Locale.ROOT, "%.5f,%.5f", p.lat(), p.lon())
                    + "\n");
            }
        }
        notes.add(places.size() + " GeoNames places (population ≥ 1,000) of the loaded countries inside the window,"
            + " total population " + places.stream().mapToLong(GeoNamesPlaces.Place::population).sum() + ".");
        return rel;
    }
}

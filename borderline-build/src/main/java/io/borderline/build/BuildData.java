package io.borderline.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.data.BoundaryFile;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * The data build: reads the pinned npm tarballs (already fetched with {@code npm pack} and
 * unpacked by {@code scripts/build-data.sh}), verifies their SHA-256, reads every country of
 * the world, repairs it, derives the shared borders, and writes {@code data/} with its SOURCES.md and
 * MANIFEST.sha256. Deterministic: the same inputs give byte-identical outputs.
 *
 * <p>Usage: {@code BuildData <npm-dir> <data-dir>}
 */
public final class BuildData {
    private static final GeometryFactory F = BoundaryFile.FACTORY;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OSM = "osm10m";
    static final String NE = "ne10m";
    /** The derived Kaliningrad exclave entry. */
    static final String KGD = "RUS-KGD";

    private final Path npmDir;
    private final Path dataDir;
    private final List<RepairReport> repairs = new ArrayList<>();
    private final Map<String, String> inputSha = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Overlaps.Overlap> overlaps = new ArrayList<>();
    private final List<EnclaveCut.Cut> cuts = new ArrayList<>();
    private CountryNames names;
    /** With --osm-from: the OSM dataset is carried over from this first-format regional file. */
    private Path legacyOsm;
    private List<GeoNamesPlaces.Place> places;

    private BuildData(Path npmDir, Path dataDir) {
        this.npmDir = npmDir;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 4 && "--osm-from".equals(args[2]))) {
            System.err.println("usage: BuildData <npm-dir> <data-dir> [--osm-from <first-format osm10m.bin.gz>]");
            System.exit(2);
        }
        BuildData b = new BuildData(Path.of(args[0]), Path.of(args[1]));
        b.legacyOsm = args.length == 4 ? Path.of(args[3]) : null;
        b.run();
    }

    private void run() throws IOException {
        for (NpmSource s : NpmSource.ALL) {
            String sha = Manifest.sha256(npmDir.resolve(s.tarball()));
            if (!sha.equals(s.sha256())) {
                throw new IllegalStateException(s.tarball() + " has SHA-256 " + sha + ", pinned " + s.sha256());
            }
            inputSha.put(s.name(), sha);
        }
        names = new CountryNames(npmDir.resolve(NpmSource.COUNTRY_NAMES.extracted()).resolve("package/countries.json"));
        List<String> outputs = new ArrayList<>();
        long t0 = System.nanoTime();
        places = GeoNamesPlaces.read(npmDir.resolve(NpmSource.CITIES.extracted()).resolve("package/cities.pbf"));
        outputs.add(writeBoundaries(NE, buildNaturalEarth()));
        outputs.add(BuildCells.write(dataDir, NE));
        log("Natural Earth", t0);
        outputs.add(writeBoundaries(OSM, legacyOsm == null ? buildOsm() : carryOverOsm()));
        outputs.add(BuildCells.write(dataDir, OSM));
        log("OSM", t0);
        outputs.add(writePlaces());
        names.write(dataDir.resolve("countries.csv"));
        outputs.add("countries.csv");
        log("GeoNames and names", t0);
        for (String curated : List.of("sites.csv", "claims.csv", "drones.csv")) {
            if (Files.exists(dataDir.resolve(curated))) {
                outputs.add(curated);
            }
        }
        Manifest.write(dataDir, outputs);
        new SourcesWriter(dataDir, inputSha, repairs, notes, overlaps, cuts).write(outputs);
        System.out.println("wrote " + outputs + " and " + Manifest.FILE_NAME + ", SOURCES.md");
    }

    private static void log(String step, long t0) {
        System.out.printf("%s done after %.0f s%n", step, (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- OSM (geo-maps)

    private List<FeatureRecord> buildOsm() throws IOException {
        Map<String, Geometry> land = readGeoMaps(NpmSource.LAND);
        Map<String, Geometry> maritime = readGeoMaps(NpmSource.MARITIME);
        List<FeatureRecord> records = new ArrayList<>();
        records.add(datasetRecord(OSM, NpmSource.LAND, "10 m (OSM-derived; vertices on a 1e-5 degree grid)"));
        Map<String, Geometry> stored = new TreeMap<>();
        land.keySet().stream().sorted().toList().parallelStream().forEach(code -> {
            CountryExtract.Result r = CountryExtract.extract(OSM, code, land.get(code));
            synchronized (stored) {
                repairs.add(r.report());
                stored.put(code, r.stored());
            }
            System.out.println("  OSM " + code + " extracted");
        });
        repairs.sort(java.util.Comparator.comparing(RepairReport::dataset).thenComparing(RepairReport::country));
        stored.put(KGD, CountryExtract.kaliningrad(stored.get("RUS")));
        Map<String, Geometry> enclaveBorders = new HashMap<>();
        for (EnclaveCut.Cut cut : EnclaveCut.apply(OSM, stored, EnclaveCut.list(), F)) {
            cuts.add(cut);
            if (!cut.boundary().isEmpty()) {
                enclaveBorders.merge(pairKey(cut.enclave().state(), cut.enclave().host()), cut.boundary(),
                    BuildData::concatLines);
            }
            System.out.printf("  OSM %s cut out of %s: %.3f km2%n", cut.enclave().name(), cut.enclave().host(),
                cut.removedKm2());
        }
        for (Map.Entry<String, Geometry> e : stored.entrySet()) {
            CountryNames.Row row = KGD.equals(e.getKey()) ? names.useKaliningrad() : names.use(e.getKey(), e.getKey());
            records.add(countryRecord(row, e.getValue()));
        }
        overlaps.addAll(Overlaps.find(OSM, withoutKgd(stored), places));
        notes.add("osm10m ATA: the OSM land polygons stop at 85.05113° S (the Web Mercator limit they were cut at);"
            + " the build moves that edge to the South Pole (everything south of it is the Antarctic plateau), so"
            + " the raw area in the repair table is already the extended one.");

        SharedSegments landEdges = new SharedSegments();
        SharedSegments seaEdges = new SharedSegments();
        land.forEach(landEdges::add);
        maritime.forEach(seaEdges::add);
        land.clear();
        SeaClassifier seas = new SeaClassifier(npmDir.resolve(NpmSource.SEAS.extracted()).resolve("package/map.geo.json"), F);
        System.out.println("  seas indexed");
        for (String[] pair : seaEdges.pairs()) {
            Set<SharedSegments.SegmentKey> political = seaEdges.shared(pair[0], pair[1]);
            Set<SharedSegments.SegmentKey> onLand = landEdges.shared(pair[0], pair[1]);
            Set<SharedSegments.SegmentKey> dry = new HashSet<>(political);
            dry.retainAll(onLand);
            Set<SharedSegments.SegmentKey> inland = new HashSet<>();
            Set<SharedSegments.SegmentKey> sea = new HashSet<>();
            // an enclave the source drew without its hole in the host's land polygon: where the maritime polygons
            // share its outline (they have the hole), that is land border, not water; where they do not either,
            // the border is the line the enclave cut made
            Geometry enclaveLine = enclaveBorders.remove(pairKey(pair[0], pair[1]));
            org.locationtech.jts.operation.distance.IndexedFacetDistance onEnclave = enclaveLine == null ? null
                : new org.locationtech.jts.operation.distance.IndexedFacetDistance(enclaveLine);
            int alongEnclave = 0;
            for (SharedSegments.SegmentKey k : political) {
                if (dry.contains(k)) {
                    continue;
                }
                if (onEnclave != null && onEnclave.distance(F.createPoint(
                    new org.locationtech.jts.geom.Coordinate(k.midLon(), k.midLat()))) < 1e-7) {
                    dry.add(k);
                    alongEnclave++;
                } else {
                    (seas.atSea(k.midLon(), k.midLat()) ? sea : inland).add(k);
                }
            }
            if (alongEnclave > 0) {
                enclaveLine = null; // the shared edges already draw it
            }
            MultiLineString all = concatLines(SharedSegments.merge(political, F), enclaveLine);
            MultiLineString dryLine = concatLines(SharedSegments.merge(dry, F), enclaveLine);
            Map<String, String> props = borderProps(pair, all);
            props.put("land_length_km", km(EllipsoidalMeasure.lengthM(dryLine)));
            props.put("water_length_km", km(EllipsoidalMeasure.lengthM(SharedSegments.merge(inland, F))));
            props.put("sea_length_km", km(EllipsoidalMeasure.lengthM(SharedSegments.merge(sea, F))));
            props.put("land_polygons_shared_length_km",
                km(EllipsoidalMeasure.lengthM(SharedSegments.merge(onLand, F))));
            props.put("line", "political boundary from " + NpmSource.MARITIME.name()
                + " (through rivers, lakes and territorial sea); land where the land polygons share it, sea where "
                + NpmSource.SEAS.name() + " covers it, inland water the rest");
            records.add(new FeatureRecord(FeatureRecord.BORDER, borderId(pair), props,
                Densifier.densify(all, GeodesicSegments.MAX_SEGMENT_M)));
            // the same line split by kind: border=land leaves out the sea part, and answers say
            // whether their nearest point is on land, in a river or lake, or at sea
            if (!dryLine.isEmpty()) {
                records.add(new FeatureRecord(FeatureRecord.BORDER_LAND, borderId(pair), Map.of(),
                    Densifier.densify(dryLine, GeodesicSegments.MAX_SEGMENT_M)));
            }
            addPart(records, FeatureRecord.BORDER_WATER, pair, inland);
            addPart(records, FeatureRecord.BORDER_SEA, pair, sea);
        }
        for (Map.Entry<String, Geometry> e : new TreeMap<>(enclaveBorders).entrySet()) {
            String[] pair = e.getKey().split("\\|");
            MultiLineString line = concatLines(null, e.getValue());
            Map<String, String> props = borderProps(pair, line);
            props.put("land_length_km", km(EllipsoidalMeasure.lengthM(line)));
            props.put("water_length_km", km(0));
            props.put("sea_length_km", km(0));
            props.put("land_polygons_shared_length_km", km(0));
            props.put("line", "the outline of the enclave where the cut made it meet its host (see Enclaves cut"
                + " from their host); the source's polygons share no edges here");
            records.add(new FeatureRecord(FeatureRecord.BORDER, borderId(pair), props,
                Densifier.densify(line, GeodesicSegments.MAX_SEGMENT_M)));
            records.add(new FeatureRecord(FeatureRecord.BORDER_LAND, borderId(pair), Map.of(),
                Densifier.densify(line, GeodesicSegments.MAX_SEGMENT_M)));
        }
        return records;
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The lines of both (either may be null) as one MultiLineString. */
    private static MultiLineString concatLines(Geometry a, Geometry b) {
        List<LineString> lines = new ArrayList<>();
        for (Geometry g : new Geometry[] {a, b}) {
            for (int i = 0; g != null && i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString l && !l.isEmpty()) {
                    lines.add(l);
                }
            }
        }
        return F.createMultiLineString(lines.toArray(LineString[]::new));
    }

    /**
     * The OSM dataset carried over from a first-format regional extract (already repaired;
     * its repair report is in that build's SOURCES.md): countries and borders as they were, the
     * water part of each border split into inland water and sea with the seas dataset.
     */
    private List<FeatureRecord> carryOverOsm() throws IOException {
        SeaClassifier seas = new SeaClassifier(npmDir.resolve(NpmSource.SEAS.extracted()).resolve("package/map.geo.json"), F);
        List<FeatureRecord> out = new ArrayList<>();
        Map<String, Geometry> stored = new TreeMap<>();
        for (FeatureRecord r : LegacyBoundaries.read(legacyOsm)) {
            switch (r.kind()) {
                case FeatureRecord.COUNTRY -> {
                    CountryNames.Row row = KGD.equals(r.id()) ? names.useKaliningrad() : names.use(r.id(), r.id());
                    out.add(countryRecord(row, r.geometry()));
                    stored.put(r.id(), r.geometry());
                }
                case FeatureRecord.BORDER_WATER -> {
                    List<LineString> inland = new ArrayList<>();
                    List<LineString> sea = new ArrayList<>();
                    for (int i = 0; i < r.geometry().getNumGeometries(); i++) {
                        LineString l = (LineString) r.geometry().getGeometryN(i);
                        org.locationtech.jts.geom.Coordinate[] c = l.getCoordinates();
                        for (int k = 1; k < c.length; k++) {
                            LineString seg = F.createLineString(new org.locationtech.jts.geom.Coordinate[] {c[k - 1], c[k]});
                            (seas.atSea((c[k - 1].x + c[k].x) / 2, (c[k - 1].y + c[k].y) / 2) ? sea : inland).add(seg);
                        }
                    }
                    Geometry inlandLine = mergeLines(inland);
                    Geometry seaLine = mergeLines(sea);
                    if (!inland.isEmpty()) {
                        out.add(new FeatureRecord(FeatureRecord.BORDER_WATER, r.id(), Map.of(), inlandLine));
                    }
                    if (!sea.isEmpty()) {
                        out.add(new FeatureRecord(FeatureRecord.BORDER_SEA, r.id(), Map.of(), seaLine));
                    }
                    seaKm.put(r.id(), new double[] {EllipsoidalMeasure.lengthM(inlandLine), EllipsoidalMeasure.lengthM(seaLine)});
                }
                default -> out.add(r);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            FeatureRecord r = out.get(i);
            if (FeatureRecord.BORDER.equals(r.kind())) {
                Map<String, String> props = new LinkedHashMap<>(r.properties());
                double[] km = seaKm.getOrDefault(r.id(), new double[2]);
                props.put("water_length_km", km(km[0]));
                props.put("sea_length_km", km(km[1]));
                props.put("line", props.get("line") + "; water split into inland water and sea with " + NpmSource.SEAS.name());
                out.set(i, new FeatureRecord(r.kind(), r.id(), props, r.geometry()));
            }
        }
        overlaps.addAll(Overlaps.find(OSM, withoutKgd(stored), places));
        notes.add("osm10m is the regional extract of the previous build (BLR, EST, LTU, LVA, POL, UKR, RUS clipped to lon"
            + " 13.5–50°E, lat 41–70.5°N, RUS-KGD), carried over with `--osm-from`; its repair is recorded in that build."
            + " The world OSM build (`scripts/build-data.sh` without `--osm-from`) needs more CPU time than this session had.");
        return out;
    }

    private final Map<String, double[]> seaKm = new HashMap<>();

    private static Geometry mergeLines(List<LineString> segments) {
        org.locationtech.jts.operation.linemerge.LineMerger merger = new org.locationtech.jts.operation.linemerge.LineMerger();
        segments.forEach(merger::add);
        @SuppressWarnings("unchecked")
        List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
        merged.sort((p, q) -> p.getCoordinateN(0).compareTo(q.getCoordinateN(0)));
        return F.createMultiLineString(merged.toArray(LineString[]::new));
    }

    private static void addPart(List<FeatureRecord> records, String kind, String[] pair,
                                Set<SharedSegments.SegmentKey> segments) {
        if (!segments.isEmpty()) {
            records.add(new FeatureRecord(kind, borderId(pair), Map.of(),
                Densifier.densify(SharedSegments.merge(segments, F), GeodesicSegments.MAX_SEGMENT_M)));
        }
    }

    private static Map<String, Geometry> withoutKgd(Map<String, Geometry> stored) {
        Map<String, Geometry> out = new TreeMap<>(stored);
        out.remove(KGD);
        return out;
    }

    private Map<String, Geometry> readGeoMaps(NpmSource source) throws IOException {
        Path file = npmDir.resolve(source.extracted()).resolve("package/map.geo.json");
        Map<String, Geometry> out = new HashMap<>();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken(); // START_ARRAY
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode feature = JSON.readTree(p);
                        String a3 = feature.path("properties").path("A3").asText();
                        out.put(a3, GeoJsonGeometries.toJts(feature.get("geometry"), F));
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- Natural Earth (world-atlas)

    private List<FeatureRecord> buildNaturalEarth() throws IOException {
        Path file = npmDir.resolve(NpmSource.WORLD_ATLAS.extracted()).resolve("package/countries-10m.json");
        JsonNode topology = JSON.readTree(file.toFile());
        TopoJson topo = new TopoJson(topology, F);
        Map<String, List<Geometry>> raw = new TreeMap<>();
        Map<Integer, Set<String>> arcOwners = new HashMap<>();
        List<FeatureRecord> records = new ArrayList<>();
        records.add(datasetRecord(NE, NpmSource.WORLD_ATLAS, "1:10m (Natural Earth; quantized to about 400 m east-west, 190 m north-south)"));
        for (JsonNode g : topology.get("objects").get("countries").get("geometries")) {
            if (!g.has("arcs") || g.get("arcs").isEmpty()) {
                continue;
            }
            String name = g.path("properties").path("name").asText("");
            String code = names.neCode(g.path("id").asText(null), name)
                .orElseThrow(() -> new IllegalStateException("Natural Earth feature without a code: " + name));
            raw.computeIfAbsent(code, k -> new ArrayList<>()).add(topo.polygons(g));
            collectArcs(g.get("arcs"), code, arcOwners);
        }
        Map<String, Geometry> stored = new TreeMap<>();
        for (Map.Entry<String, List<Geometry>> e : raw.entrySet()) {
            List<org.locationtech.jts.geom.Polygon> parts = new ArrayList<>();
            for (Geometry g : e.getValue()) {
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    parts.add((org.locationtech.jts.geom.Polygon) g.getGeometryN(i));
                }
            }
            CountryExtract.Result r = CountryExtract.extract(NE, e.getKey(),
                F.createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new)));
            repairs.add(r.report());
            stored.put(e.getKey(), r.stored());
        }
        stored.put(KGD, CountryExtract.kaliningrad(stored.get("RUS")));
        for (Map.Entry<String, Geometry> e : stored.entrySet()) {
            CountryNames.Row row = KGD.equals(e.getKey()) ? names.useKaliningrad() : names.use(e.getKey(), e.getKey());
            records.add(countryRecord(row, e.getValue()));
        }
        overlaps.addAll(Overlaps.find(NE, withoutKgd(stored), places));
        Set<String> pairKeys = new java.util.TreeSet<>();
        arcOwners.values().forEach(owners -> {
            List<String> o = owners.stream().sorted().toList();
            for (int i = 0; i < o.size(); i++) {
                for (int j = i + 1; j < o.size(); j++) {
                    pairKeys.add(o.get(i) + "|" + o.get(j));
                }
            }
        });
        for (String key : pairKeys) {
            String[] pair = key.split("\\|");
            List<LineString> lines = new ArrayList<>();
            arcOwners.forEach((arc, owners) -> {
                if (owners.contains(pair[0]) && owners.contains(pair[1])) {
                    lines.add(topo.arcLine(arc));
                }
            });
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

    private static String borderId(String[] pair) {
        String a = pair[0];
        String b = pair[1];
        if ("RUS".equals(b) && ("LTU".equals(a) || "POL".equals(a))) {
            b = KGD;
        }
        return a + "-" + b;
    }

    private static Map<String, String> borderProps(String[] pair, MultiLineString line) {
        Map<String, String> props = new LinkedHashMap<>();
        String id = borderId(pair);
        int dash = id.indexOf('-');
        props.put("a", id.substring(0, dash));
        props.put("b", id.substring(dash + 1));
        props.put("length_km", km(EllipsoidalMeasure.lengthM(line)));
        props.put("parts", Integer.toString(line.getNumGeometries()));
        return props;
    }

    private static FeatureRecord countryRecord(CountryNames.Row c, Geometry g) {
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
        String rel = "boundaries/" + dataset + ".bin";
        BoundaryFile.write(dataDir.resolve(rel), records);
        return rel;
    }

    private String writePlaces() throws IOException {
        List<GeoNamesPlaces.Place> sorted = new ArrayList<>(places);
        sorted.sort((a, b) -> Long.compare(a.geonameId(), b.geonameId()));
        String rel = "places.csv.gz";
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(dataDir.resolve(rel))),
            StandardCharsets.UTF_8)) {
            w.write("geonames_id,name,country_iso2,feature_code,population,lat,lon\n");
            for (GeoNamesPlaces.Place p : sorted) {
                w.write(p.geonameId() + "," + Csv.quote(p.name()) + "," + p.countryIso2() + "," + p.featureCode()
                    + "," + p.population() + "," + String.format(java.util.Locale.ROOT, "%.5f,%.5f", p.lat(), p.lon())
                    + "\n");
            }
        }
        notes.add(sorted.size() + " GeoNames places (population ≥ 1,000) worldwide, total population "
            + sorted.stream().mapToLong(GeoNamesPlaces.Place::population).sum() + ".");
        return rel;
    }
}

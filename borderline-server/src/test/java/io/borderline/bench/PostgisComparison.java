package io.borderline.bench;

import io.borderline.analysis.CoverageRequest;
import io.borderline.analysis.CoverageResult;
import io.borderline.analysis.CoverageService;
import io.borderline.analysis.DistanceService;
import io.borderline.coverage.Coverage;
import io.borderline.coverage.GeodesicBuffer;
import io.borderline.coverage.Source;
import io.borderline.coverage.Sources;
import io.borderline.data.BorderlineData;
import io.borderline.data.BoundaryFile;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.Site;
import io.borderline.data.Territory;
import io.borderline.geodesy.GeodesicSegments;
import io.borderline.geodesy.NearestPoint;
import io.borderline.geodesy.ReferenceDistance;
import io.borderline.geodesy.SegmentIndex;
import io.borderline.geodesy.Wgs84;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Borderline and PostGIS side by side on the same boundaries and points, in one run (driven by
 * {@code scripts/bench-postgis.sh}, which starts the PostgreSQL server this connects to).
 *
 * <p>Loads the territories of both datasets into PostGIS exactly as Borderline holds them (WKB of
 * the same JTS geometries, so the same doubles), and the seeded points of {@link DistanceBenchmark}.
 * Then, for each system: point-to-boundary distance (PostGIS {@code ST_Distance(geography)} over
 * all points in one query, and one point per query; {@code ST_ClosestPoint} for the nearest
 * point) and coverage ({@code ST_Buffer(geography, R)} against Borderline's geodesic buffer), with
 * the time per query and the error of both against the brute-force GeographicLib reference
 * ({@link ReferenceDistance}). Writes a Markdown report.
 *
 * <p>Usage: {@code PostgisComparison <jdbc-url> <report.md>}; system properties {@code points}
 * (default 10,000), {@code refPoints} (measured against the reference, default 1,000), {@code sections} (default
 * {@code distance,coverage}), {@code countries} (default {@code BLR,RUS,FIN,UKR,POL}, each in every dataset that
 * draws it), {@code borderline.data}. The distance table counts GeographicLib inverse solutions per point
 * ({@link GeodesicSegments#inverseCalls}) and records the load average, since the machine may be shared.
 */
public final class PostgisComparison {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;
    private static final int SQL_RUNS = 3;
    /** One-point-per-query runs stop after this many queries or this many seconds. */
    private static final int SINGLE_MAX = 1_000;
    private static final double SINGLE_MAX_S = 30;
    /** Outline vertices measured against the reference per coverage (evenly strided). */
    private static final int OUTLINE_SAMPLE = 4_000;
    /** {@code ST_ClosestPoint} (planar, no index: linear in the vertex count) runs on the first points only. */
    private static final int CLOSEST_MAX = 300;
    /** The countries compared, in each dataset that draws them (property {@code countries}). */
    private static final List<CountryCode> COUNTRIES = java.util.Arrays.stream(
            System.getProperty("countries", "BLR,RUS,FIN,UKR,POL").split(","))
        .map(c -> CountryCode.parse(c.trim()).orElseThrow(() -> new IllegalArgumentException("unknown country " + c)))
        .toList();

    private final BorderlineData data;
    private final Connection db;
    private final int points;
    /** Points measured against the brute-force reference (the first ones): it costs milliseconds per point. */
    private final int refPoints;
    private final double[] lat;
    private final double[] lon;
    private final StringBuilder report = new StringBuilder();

    private PostgisComparison(BorderlineData data, Connection db, int points) {
        this.data = data;
        this.db = db;
        this.points = points;
        this.refPoints = Math.min(points, Integer.getInteger("refPoints", 1_000));
        lat = new double[points];
        lon = new double[points];
        Random r = new Random(20250124); // DistanceBenchmark's points, in the same order
        for (int i = 0; i < points; i++) {
            lat[i] = 45 + 20 * r.nextDouble();
            lon[i] = 15 + 30 * r.nextDouble();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PostgisComparison <jdbc-url> <report.md>");
            System.exit(2);
        }
        int points = Integer.getInteger("points", 10_000);
        List<String> sections = List.of(System.getProperty("sections", "distance,coverage").split(","));
        BorderlineData data = BorderlineData.load(Path.of(System.getProperty("borderline.data", "data")));
        try (Connection db = DriverManager.getConnection(args[0])) {
            PostgisComparison c = new PostgisComparison(data, db, points);
            c.header();
            c.load();
            if (sections.contains("distance")) {
                c.distances();
            }
            if (sections.contains("coverage")) {
                c.coverages();
            }
            Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
            Files.writeString(Path.of(args[1]), c.report);
        }
    }

    private void out(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println(s);
    }

    private void header() throws SQLException, IOException {
        try (Statement st = db.createStatement()) {
            st.execute("SET max_parallel_workers_per_gather = 0"); // one core per query, like Borderline's thread
            st.execute("SET jit = off");
            ResultSet rs = st.executeQuery("SELECT version(), postgis_full_version(), current_setting('shared_buffers'),"
                + " current_setting('work_mem')");
            rs.next();
            out("## PostGIS side by side (scripts/bench-postgis.sh)");
            out("");
            out("- PostgreSQL: %s", rs.getString(1));
            out("- PostGIS: %s", rs.getString(2).replaceAll("\\s+", " "));
            out("- server settings: shared_buffers %s, work_mem %s, max_parallel_workers_per_gather 0, jit off",
                rs.getString(3), rs.getString(4));
        }
        out("- Java: %s %s, JVM flags %s", System.getProperty("java.vm.name"), System.getProperty("java.version"),
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        out("- CPU: %s, %d cores visible", cpuModel(), Runtime.getRuntime().availableProcessors());
        out("- load average at start: %s", Files.readString(Path.of("/proc/loadavg")).trim());
        out("- points: %,d seeded points (seed 20250124, lat 45–65°N, lon 15–45°E; the first %,d of DistanceBenchmark's)",
            points, points);
        out("");
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    /** Loads territories (polygons), their boundaries (rings as lines) and the points. */
    private void load() throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS territory, boundary, pts");
            st.execute("CREATE TABLE territory (dataset text, code text, geog geography, PRIMARY KEY (dataset, code))");
            st.execute("CREATE TABLE boundary (dataset text, code text, geog geography, PRIMARY KEY (dataset, code))");
            st.execute("CREATE TABLE pts (id int PRIMARY KEY, geog geography(Point, 4326))");
        }
        WKBWriter wkb = new WKBWriter(2);
        try (PreparedStatement t = db.prepareStatement("INSERT INTO territory VALUES (?, ?, ST_GeogFromWKB(?))");
             PreparedStatement b = db.prepareStatement("INSERT INTO boundary VALUES (?, ?, ST_GeogFromWKB(?))")) {
            for (String id : BorderlineData.DATASETS) {
                Dataset ds = data.dataset(id);
                for (CountryCode c : loaded()) {
                    if (!ds.has(c)) {
                        continue;
                    }
                    Geometry land = ds.territory(c).land();
                    t.setString(1, id);
                    t.setString(2, c.code());
                    t.setBytes(3, wkb.write(land));
                    t.executeUpdate();
                    b.setString(1, id);
                    b.setString(2, c.code());
                    b.setBytes(3, wkb.write(land.getBoundary())); // every ring, as SegmentIndex holds them
                    b.executeUpdate();
                }
            }
        }
        try (PreparedStatement p = db.prepareStatement(
            "INSERT INTO pts VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)")) {
            for (int i = 0; i < points; i++) {
                p.setInt(1, i);
                p.setDouble(2, lon[i]);
                p.setDouble(3, lat[i]);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE");
            ResultSet rs = st.executeQuery("SELECT dataset, code, ST_NPoints(geog::geometry) FROM boundary"
                + " ORDER BY dataset DESC, code");
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(String.format(Locale.ROOT, "%s %s %,d; ", rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
            out("Loaded both datasets' territories (as polygons and as their rings) from the same JTS geometries"
                + " Borderline holds, as WKB, in %.1f s. Boundary vertices: %s", (System.nanoTime() - t0) / 1e9, sb);
            out("");
        }
    }

    /** The compared countries, and Belarus (the coverage section's source). */
    private static List<CountryCode> loaded() {
        List<CountryCode> all = new ArrayList<>(COUNTRIES);
        if (!all.contains(CountryCode.BLR)) {
            all.add(CountryCode.BLR);
        }
        return all;
    }

    // ---------------------------------------------------------------- distance

    private void distances() throws SQLException {
        out("### Point-to-boundary distance");
        out("");
        out("Distance from each point to the country's boundary rings (coast, lake shores and borders; what"
            + " `SegmentIndex.nearest` and `ST_Distance(geography)` both measure). Borderline: one thread."
            + " PostGIS: `SELECT p.id, ST_Distance(b.geog, p.geog) FROM pts p, boundary b WHERE ...` over all"
            + " points in one query (batch), then one point per prepared query. Errors against the brute-force"
            + " reference (every segment, GeographicLib).");
        out("");
        List<String[]> speed = new ArrayList<>();
        List<String[]> accuracy = new ArrayList<>();
        List<String[]> single = new ArrayList<>();
        DistanceService service = new DistanceService();
        for (String id : BorderlineData.DATASETS) {
            for (CountryCode c : COUNTRIES) {
                Dataset ds = data.dataset(id);
                if (!ds.has(c)) {
                    continue;
                }
                Territory t = ds.territory(c);
                String name = id + " " + c.code();
                System.out.println("-- " + name + ": reference");
                ReferenceDistance ref = new ReferenceDistance(t.land());
                double[] expected = IntStream.range(0, refPoints).parallel()
                    .mapToDouble(i -> ref.distance(lat[i], lon[i])).toArray();

                System.out.println("-- " + name + ": Borderline");
                SegmentIndex index = t.boundary();
                NearestPoint[] ours = new NearestPoint[points];
                long inverses0 = GeodesicSegments.inverseCalls();
                double oursMs = timeMedian(() -> {
                    for (int i = 0; i < points; i++) {
                        ours[i] = index.nearest(lat[i], lon[i]);
                    }
                });
                double oursCpuMs = lastCpuMs;
                double inversesPerPoint = (GeodesicSegments.inverseCalls() - inverses0) / (double) ((WARMUP + RUNS) * points);
                long fullInverses0 = GeodesicSegments.inverseCalls();
                double fullMs = timeMedian(() -> {
                    for (int i = 0; i < points; i++) {
                        service.toCountry(ds, lat[i], lon[i], c);
                    }
                });
                double fullInversesPerPoint = (GeodesicSegments.inverseCalls() - fullInverses0)
                    / (double) ((WARMUP + RUNS) * points);
                String loadDuring = readLoad();

                System.out.println("-- " + name + ": PostGIS batch");
                double[] theirs = new double[points];
                double theirsMs = timeMedianSql(() -> {
                    try (PreparedStatement ps = db.prepareStatement("SELECT p.id, ST_Distance(b.geog, p.geog)"
                        + " FROM pts p, boundary b WHERE b.dataset = ? AND b.code = ? AND p.id < ? ORDER BY p.id")) {
                        ps.setString(1, id);
                        ps.setString(2, c.code());
                        ps.setInt(3, points);
                        ResultSet rs = ps.executeQuery();
                        while (rs.next()) {
                            theirs[rs.getInt(1)] = rs.getDouble(2);
                        }
                    }
                });
                double theirsCpuMs = lastCpuMs;
                System.out.println("-- " + name + ": PostGIS ST_ClosestPoint");
                int closestN = Math.min(points, CLOSEST_MAX);
                double[] closestM = new double[closestN];
                long tc = System.nanoTime();
                try (PreparedStatement ps = db.prepareStatement("SELECT p.id, ST_X(cp), ST_Y(cp) FROM (SELECT p.id,"
                    + " ST_ClosestPoint(b.geog::geometry, p.geog::geometry) cp FROM pts p, boundary b"
                    + " WHERE b.dataset = ? AND b.code = ? AND p.id < ?) p ORDER BY p.id")) {
                    ps.setString(1, id);
                    ps.setString(2, c.code());
                    ps.setInt(3, closestN);
                    ResultSet rs = ps.executeQuery();
                    while (rs.next()) {
                        int i = rs.getInt(1);
                        closestM[i] = Wgs84.GEODESIC.Inverse(lat[i], lon[i], rs.getDouble(3), rs.getDouble(2)).s12;
                    }
                }
                double closestMs = (System.nanoTime() - tc) / 1e6;

                System.out.println("-- " + name + ": PostGIS one point per query");
                double[] latencies = singleQueries(id, c.code());

                Stats oursErr = errors(i -> Math.abs(ours[i].distanceM() - expected[i]));
                Stats oursPointErr = errors(i -> Math.abs(Wgs84.GEODESIC.Inverse(lat[i], lon[i],
                    ours[i].lat(), ours[i].lon()).s12 - expected[i]));
                Stats theirErr = errors(i -> Math.abs(theirs[i] - expected[i]));
                Stats closestErr = Stats.of(IntStream.range(0, closestN)
                    .mapToDouble(i -> Math.abs(closestM[i] - expected[i])).toArray());
                double oursPerS = points / (oursMs / 1e3);
                double theirsPerS = points / (theirsMs / 1e3);
                speed.add(new String[] {name, String.format(Locale.ROOT, "%,d", index.size()),
                    f2(oursMs * 1e3 / points), f2(oursCpuMs * 1e3 / points), f0(oursPerS), f2(inversesPerPoint),
                    f1(fullMs * 1e3 / points), f2(fullInversesPerPoint), f1(theirsMs * 1e3 / points),
                    f1(theirsCpuMs * 1e3 / points), f0(theirsPerS), f1(oursPerS / theirsPerS) + "×",
                    f1(theirsCpuMs / oursCpuMs) + "×", f0(closestMs * 1e3 / closestN),
                    loadDuring.substring(0, loadDuring.indexOf(' ', loadDuring.indexOf(' ') + 1))});
                accuracy.add(new String[] {name, f3(oursErr.max), f3(oursErr.mean), f3(oursPointErr.max),
                    f3(theirErr.max), f3(theirErr.mean), count(theirErr, 1.0), f1(closestErr.max), f1(closestErr.mean)});
                single.add(new String[] {name, String.valueOf(latencies.length), f0(pct(latencies, 50)),
                    f0(pct(latencies, 99)), f0(pct(latencies, 100))});
            }
        }
        out("Speed (µs per point; Borderline: median of %d runs after %d warm-up runs over all %,d points; PostGIS:"
            + " median of %d runs after one warm-up run). Wall time, and CPU time (Borderline's thread; the PostgreSQL"
            + " server process of the connection, from /proc): on a shared machine the CPU-time ratio is the per-core"
            + " comparison, the wall-time one also counts the time each waited for a core:", RUNS, WARMUP, points, SQL_RUNS);
        out("");
        table(new String[] {"dataset, country", "segments", "Borderline µs/point", "Borderline CPU µs/point",
            "Borderline points/s (1 core)", "GeographicLib inverses per point",
            "Borderline full `/distance` computation µs/point", "its inverses per point", "PostGIS batch µs/point",
            "PostGIS server CPU µs/point", "PostGIS points/s (1 core)", "ratio Borderline / PostGIS throughput (wall)",
            "ratio (CPU time)", "PostGIS `ST_ClosestPoint` µs/point",
            "load average (1, 5 min) after Borderline's runs"}, speed);
        out("");
        out("Accuracy against the brute-force reference, metres (the first %,d points; the reference costs"
            + " milliseconds per point):", refPoints);
        out("");
        table(new String[] {"dataset, country", "Borderline max", "Borderline mean",
            "Borderline nearest point re-measured, max", "PostGIS `ST_Distance` max", "PostGIS mean",
            "PostGIS points off by > 1 m", "PostGIS `ST_ClosestPoint` (planar) max", "its mean"}, accuracy);
        out("");
        out("`ST_ClosestPoint` has no geography variant before PostGIS 3.4, so it runs on `geometry` (planar, in"
            + " degrees) on the first %,d points; its error is the geodesic distance to the point it returns minus"
            + " the true distance.", Math.min(points, CLOSEST_MAX));
        out("");
        out("PostGIS one point per query (`SELECT ST_Distance(geog, ST_MakePoint(?, ?)::geography) FROM boundary"
            + " WHERE dataset = ? AND code = ?`, prepared, JDBC on loopback, the first points until %,d queries or"
            + " %.0f s; client-side latency, µs):", SINGLE_MAX, SINGLE_MAX_S);
        out("");
        table(new String[] {"dataset, country", "queries", "p50 µs", "p99 µs", "max µs"}, single);
        out("");
        out("- load average at the end of the distance section: %s", readLoad());
        out("");
    }

    private double[] singleQueries(String id, String code) throws SQLException {
        List<Double> lat = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT ST_Distance(geog,"
            + " ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM boundary WHERE dataset = ? AND code = ?")) {
            ps.setString(3, id);
            ps.setString(4, code);
            long start = System.nanoTime();
            long deadline = start + (long) (SINGLE_MAX_S * 1e9);
            // the first 20 queries warm up the connection and the prepared plan, or fewer when they take a third of
            // the budget (one query on Russia's 1.27 million vertices takes over a second: 20 took it all)
            long warmUntil = start + (long) (SINGLE_MAX_S * 1e9 / 3);
            boolean warm = false;
            for (int i = 0; i < Math.min(points, SINGLE_MAX + 20) && System.nanoTime() < deadline; i++) {
                long t0 = System.nanoTime();
                warm |= i >= 20 || t0 > warmUntil;
                ps.setDouble(1, this.lon[i]);
                ps.setDouble(2, this.lat[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getDouble(1);
                }
                if (warm) {
                    lat.add((System.nanoTime() - t0) / 1e3);
                }
            }
        }
        return lat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---------------------------------------------------------------- coverage

    private void coverages() throws SQLException, ParseException {
        out("### Coverage: geodesic buffer against `ST_Buffer(geography, R)`");
        out("");
        out("osm10m. PostGIS: `SELECT ST_NPoints(ST_Buffer(geog, R)) FROM territory WHERE dataset = 'osm10m' AND"
            + " code = 'BLR'` (default 8 segments per quarter circle; the point as `ST_MakePoint(lon, lat)::geography`"
            + " for the site). Borderline outline: source preparation + `GeodesicBuffer.compute` (the geometry"
            + " `/coverage` serves); full: a fresh `CoverageService` (empty caches) answering the request, statistics"
            + " included. Borderline: median of %d runs after %d warm-up runs; PostGIS: median of %d runs after one. Outline error: |geodesic distance from an outline"
            + " vertex to the full-resolution source − R|, measured with the brute-force reference on up to %,d"
            + " evenly strided vertices per outline.", RUNS, WARMUP, SQL_RUNS, OUTLINE_SAMPLE);
        out("");
        Dataset ds = data.dataset("osm10m");
        List<String[]> rows = new ArrayList<>();
        ReferenceDistance blrRef = new ReferenceDistance(ds.territory(CountryCode.BLR).land());
        WKBReader reader = new WKBReader(BoundaryFile.FACTORY);
        GeodesicBuffer buffer = new GeodesicBuffer(BoundaryFile.FACTORY);
        for (String request : List.of("country:BLR:20", "country:BLR:30", "country:BLR:100", "country:BLR:1000",
            "site:lida-airbase:120")) {
            String[] p = request.split(":");
            double rangeM = Double.parseDouble(p[2]) * 1000;
            boolean country = p[0].equals("country");
            Site site = country ? null : data.sites().get(p[1]);
            DoubleBinaryOp sourceDistance = country
                ? (la, lo) -> ds.inside(CountryCode.BLR, la, lo) ? 0 : blrRef.distance(la, lo)
                : (la, lo) -> Wgs84.GEODESIC.Inverse(la, lo, site.lat(), site.lon()).s12;
            String label = country ? "Belarus, " + p[2] + " km" : site.nameEn() + ", " + p[2] + " km";
            System.out.println("-- coverage " + label);

            CoverageRequest req = new CoverageRequest("osm10m", p[0], List.of(p[1]), rangeM / 1000, null, false);
            Coverage[] outline = new Coverage[1];
            double outlineMs = timeMedian(() -> {
                Source s = country
                    ? Sources.countries(ds, List.of(CountryCode.BLR), GeodesicBuffer.toleranceM(rangeM) / 10)
                    : Sources.points("site", List.of(site.id()),
                        List.of(new io.borderline.geodesy.LatLon(site.lat(), site.lon())), BoundaryFile.FACTORY, List.of(), List.of());
                outline[0] = buffer.compute(s, rangeM);
            });
            CoverageResult[] full = new CoverageResult[1];
            double fullMs = timeMedian(() -> full[0] = new CoverageService(data, BoundaryFile.FACTORY).coverage(req));
            CoverageService warm = new CoverageService(data, BoundaryFile.FACTORY);
            warm.coverage(req);
            double cachedMs = timeMedian(() -> {
                for (int i = 0; i < 1000; i++) {
                    warm.coverage(req);
                }
            }) / 1000;

            String source = country ? "(SELECT geog FROM territory WHERE dataset = 'osm10m' AND code = 'BLR')"
                : String.format(Locale.ROOT, "ST_SetSRID(ST_MakePoint(%.8f, %.8f), 4326)::geography", site.lon(),
                    site.lat());
            double pgMs = timeMedianSql(() -> {
                try (Statement st = db.createStatement()) {
                    ResultSet rs = st.executeQuery("SELECT ST_NPoints(ST_Buffer(" + source + ", " + rangeM + ")::geometry)");
                    rs.next();
                    rs.getInt(1);
                }
            });
            Geometry theirs;
            try (Statement st = db.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT ST_AsBinary(ST_Buffer(" + source + ", " + rangeM + "))");
                rs.next();
                theirs = reader.read(rs.getBytes(1));
            }
            Stats oursErr = outlineError(outline[0].geometry(), rangeM, sourceDistance);
            Stats theirErr = outlineError(theirs, rangeM, sourceDistance);
            double tol = GeodesicBuffer.toleranceM(rangeM);
            rows.add(new String[] {label, f0(outlineMs), f0(fullMs), f3(cachedMs), f0(pgMs),
                f2(outlineMs / pgMs), f2(fullMs / pgMs), f0(tol),
                String.format(Locale.ROOT, "%,d", outline[0].vertexCount()), f1(oursErr.max), f1(oursErr.mean),
                String.format(Locale.ROOT, "%,d", theirs.getNumPoints()), f0(theirErr.max), f0(theirErr.mean),
                f3(100 * oursErr.max / rangeM) + " / " + f3(100 * theirErr.max / rangeM)});
        }
        table(new String[] {"coverage", "Borderline outline ms", "Borderline full cold ms", "Borderline cached ms",
            "PostGIS `ST_Buffer` ms", "ratio outline / PostGIS", "ratio full / PostGIS", "tolerance m",
            "Borderline vertices", "Borderline max error m", "mean m", "PostGIS vertices", "PostGIS max error m",
            "mean m", "max error % of R (Borderline / PostGIS)"}, rows);
        out("");
        out("- load average at end: %s", readLoad());
    }

    private static String readLoad() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @FunctionalInterface
    private interface DoubleBinaryOp {
        double apply(double lat, double lon);
    }

    /** |distance to source − R| over (a stride of) every ring vertex, closing vertices excluded. */
    private static Stats outlineError(Geometry g, double rangeM, DoubleBinaryOp sourceDistance) {
        List<Coordinate> vertices = new ArrayList<>();
        for (Object o : LinearComponentExtracter.getLines(g)) {
            Coordinate[] c = ((LineString) o).getCoordinates();
            vertices.addAll(Arrays.asList(c).subList(0, c.length - 1));
        }
        int stride = Math.max(1, (vertices.size() + OUTLINE_SAMPLE - 1) / OUTLINE_SAMPLE);
        double[] err = IntStream.range(0, vertices.size()).filter(i -> i % stride == 0).parallel()
            .mapToDouble(i -> Math.abs(sourceDistance.apply(vertices.get(i).y, vertices.get(i).x) - rangeM)).toArray();
        return Stats.of(err);
    }

    // ---------------------------------------------------------------- helpers

    /** Errors over the points that have a reference distance. */
    private Stats errors(java.util.function.IntToDoubleFunction f) {
        double[] e = new double[refPoints];
        for (int i = 0; i < refPoints; i++) {
            e[i] = f.applyAsDouble(i);
        }
        return Stats.of(e);
    }

    private static String count(Stats s, double threshold) {
        return String.valueOf(s.above(threshold));
    }

    private record Stats(double max, double mean, double[] values) {
        static Stats of(double[] v) {
            return new Stats(Arrays.stream(v).max().orElse(0), Arrays.stream(v).average().orElse(0), v);
        }

        long above(double t) {
            return Arrays.stream(values).filter(x -> x > t).count();
        }
    }

    private static double pct(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** CPU time of the last {@link #timeMedian} (this thread) or {@link #timeMedianSql} (the server process), ms. */
    private double lastCpuMs;

    private double timeMedian(Runnable r) {
        double[] ms = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < WARMUP; i++) {
            r.run();
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        lastCpuMs = cpu[RUNS / 2];
        return ms[RUNS / 2];
    }

    /**
     * CPU time (user + system) the PostgreSQL server process of this connection has used, ms, from
     * /proc/PID/stat in clock ticks of 10 ms (Linux's USER_HZ): over a batch of 100 ms or more, within 10 %.
     */
    private double backendCpuMs() throws SQLException {
        if (backendPid == 0) {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backendPid = rs.getInt(1);
            }
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + backendPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // another host or no /proc: wall time only
        }
    }

    private int backendPid;

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    /** Median of {@value #SQL_RUNS} runs after one warm-up run (PostGIS batches take seconds on Russia). */
    private double timeMedianSql(SqlRun r) throws SQLException {
        double[] ms = new double[SQL_RUNS];
        double[] cpu = new double[SQL_RUNS];
        r.run();
        for (int i = 0; i < SQL_RUNS; i++) {
            double c0 = backendCpuMs();
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = backendCpuMs() - c0;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        lastCpuMs = cpu[SQL_RUNS / 2];
        return ms[SQL_RUNS / 2];
    }

    private void table(String[] head, List<String[]> rows) {
        out("%s", "| " + String.join(" | ", head) + " |");
        StringBuilder sep = new StringBuilder("|---|");
        for (int i = 1; i < head.length; i++) {
            sep.append("---:|");
        }
        out("%s", sep);
        for (String[] r : rows) {
            out("%s", "| " + String.join(" | ", r) + " |");
        }
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%,.3f", v);
    }
}

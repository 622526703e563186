package io.borderline.http;

import io.borderline.analysis.ClaimQuery;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.data.Place;
import io.borderline.data.Site;
import io.borderline.places.PlaceIndex;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Map;

/**
 * Turns a parameter value that names a place into a point: a site id from {@code /sites}
 * (case-insensitive, like country codes) or a GeoNames id from {@code /places}. Sites win where
 * both could match; a site id is never all digits in the data, so they do not collide.
 */
final class PlaceLookup {
    static final String ALLOWED = "a site id (GET /sites) or a GeoNames id (GET /places?q=)";

    /** A resolved place: its id, its public view, its point, and what that point stands for. */
    record Located(String id, Map<String, Object> view, double lat, double lon, String definition) {}

    static final String SITE_POINT = "the site's published coordinates (uncertain by its coord_precision_m; see its"
        + " source)";

    private final BorderlineData data;
    private final Supplier<PlaceIndex> places;

    PlaceLookup(BorderlineData data, Supplier<PlaceIndex> places) {
        this.data = data;
        this.places = places;
    }

    /** The site with this id in any letter case, or null. */
    Site site(String id) {
        return data.sites().get(id.toLowerCase(Locale.ROOT));
    }

    /** The place named by {@code value}; a 400 naming {@code param} if there is none. */
    Located resolve(String param, String value) {
        Site s = site(value);
        if (s != null) {
            return new Located(s.id(), Views.site(s), s.lat(), s.lon(),
                s.geonamesId() != null ? ClaimQuery.GEONAMES_POINT : SITE_POINT);
        }
        if (value.matches("\\d{1,18}")) {
            Place p = places.get().byGeonamesId(Long.parseLong(value));
            if (p != null) {
                return new Located(value, view(p), p.lat(), p.lon(), ClaimQuery.GEONAMES_POINT);
            }
        }
        throw ApiException.badParameter(param, "parameter '" + param + "': no site or GeoNames place with id '"
            + Params.shorten(value) + "'", ALLOWED);
    }

    /** The public view of a GeoNames place. */
    static Map<String, Object> view(Place p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("geonames_id", p.geonamesId());
        m.put("name", p.name());
        m.put("country", alpha3(p.countryIso2()));
        m.put("country_iso2", p.countryIso2());
        m.put("population", p.population());
        m.put("lat", p.lat());
        m.put("lon", p.lon());
        return m;
    }

    /** The loaded country (ISO alpha-3) with this alpha-2 code, or null if none is loaded. */
    static String alpha3(String iso2) {
        return CountryCode.byIso2(iso2).map(CountryCode::code).orElse(null);
    }
}

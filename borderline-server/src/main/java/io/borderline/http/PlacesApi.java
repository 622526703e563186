package io.borderline.http;

import io.borderline.data.CountryCode;
import io.borderline.data.Place;
import io.borderline.json.Json;
import io.borderline.places.PlaceIndex;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code GET /places?q=}: name search over the loaded GeoNames places ({@link PlaceIndex}). */
final class PlacesApi {
    /** Longest query accepted, characters (the longest GeoNames name here is shorter). */
    static final int MAX_QUERY = 100;
    static final int DEFAULT_LIMIT = 10;
    static final String ATTRIBUTION = "GeoNames (geonames.org), CC BY 4.0";
    static final String COUNTRY_ALLOWED = "an ISO 3166-1 alpha-3 (LTU) or alpha-2 (LT) code of a country in"
        + " GET /countries";

    private final Supplier<PlaceIndex> index;

    /** @param index built on first use (in the background after start-up) */
    PlacesApi(Supplier<PlaceIndex> index) {
        this.index = index;
    }

    Map<String, Handler> routes() {
        return Map.of("/places", this::places);
    }

    private void places(Context ctx) {
        Params p = Params.of(ctx, Set.of("q", "country", "limit"));
        String q = p.required("q", "1 to " + MAX_QUERY + " characters of a place name");
        if (q.length() > MAX_QUERY) {
            throw ApiException.badParameter("q", "parameter 'q' is " + q.length() + " characters long, more than "
                + MAX_QUERY, "1 to " + MAX_QUERY + " characters of a place name");
        }
        String iso2 = p.has("country") ? iso2(p.required("country", COUNTRY_ALLOWED)) : null;
        int limit = (int) p.integer("limit", 1, PlaceIndex.MAX_LIMIT, DEFAULT_LIMIT);
        List<Object> hits = index.get().search(q, iso2, limit).stream().map(x -> (Object) PlaceLookup.view(x)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q", q);
        m.put("country_iso2", iso2);
        m.put("limit", limit);
        m.put("count", hits.size());
        m.put("places", hits);
        m.put("places_loaded", index.get().size());
        m.put("matching", "case and diacritics ignored; every word of q must begin a word of the name; ranked"
            + " whole name, then whole words, then prefixes, each by population (largest first)");
        m.put("attribution", ATTRIBUTION);
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /** The alpha-2 code GeoNames uses for {@code code}, given as alpha-3 or alpha-2. */
    static String iso2(String code) {
        for (CountryCode c : CountryCode.values()) {
            if (c.code().length() == 3 && c.iso2() != null
                && (c.code().equalsIgnoreCase(code) || c.iso2().equalsIgnoreCase(code))) {
                return c.iso2();
            }
        }
        throw ApiException.badParameter("country", "parameter 'country': unknown country '" + Params.shorten(code)
            + "'; GET /countries lists the codes", COUNTRY_ALLOWED);
    }
}

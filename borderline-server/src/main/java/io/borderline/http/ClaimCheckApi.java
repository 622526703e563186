package io.borderline.http;

import io.borderline.analysis.ClaimCheck;
import io.borderline.analysis.ClaimChecker;
import io.borderline.analysis.ClaimQuery;
import io.borderline.data.BorderlineData;
import io.borderline.data.CountryCode;
import io.borderline.json.Json;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /claims/check}: anyone's distance claim, checked exactly as the cited claims are
 * ({@link ClaimChecker}: every dataset, both definitions of the border, the verdict tolerance, the
 * nearest point). Nothing is stored.
 */
final class ClaimCheckApi {
    static final Set<String> PARAMETERS = Set.of("place", "lat", "lon", "to", "claimed_km", "border");
    static final String CLAIMED_ALLOWED = "a number of km greater than 0 and at most "
        + Params.fmt(ClaimChecker.MAX_CLAIMED_KM) + " (no two points on Earth are farther apart)";

    private final BorderlineData data;
    private final ClaimChecker checker;
    private final PlaceLookup places;

    ClaimCheckApi(BorderlineData data, ClaimChecker checker, PlaceLookup places) {
        this.data = data;
        this.checker = checker;
        this.places = places;
    }

    Map<String, Handler> routes() {
        return Map.of("/claims/check", this::check);
    }

    private void check(Context ctx) {
        Params p = Params.of(ctx, PARAMETERS);
        CountryCode to = target(p.required("to", "a country code from GET /countries"));
        double claimed = claimedKm(p.required("claimed_km", CLAIMED_ALLOWED));
        PlaceLookup.Located place = place(p);
        ClaimQuery query = new ClaimQuery(null, place.id(), place.definition(), place.lat(), place.lon(), to, claimed);
        io.borderline.data.BorderLine line = Params.borderLine(p);
        ClaimCheck check = checker.check(query, line);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("place", place.view());
        m.put("target", query.target().code());
        m.put("claimed_km", query.claimedKm());
        m.put("border_line", line.id());
        m.put("check", check);
        m.put("stored", false);
        m.put("datasets", data.datasets().values().stream().map(d -> Views.dataset(d.info())).toList());
        m.put("method", Views.method());
        ctx.contentType(BorderlineApi.JSON).result(Json.write(m));
    }

    /** The named place, or the point given by lat and lon (with a null id). */
    private PlaceLookup.Located place(Params p) {
        if (p.has("place")) {
            if (p.has("lat") || p.has("lon")) {
                throw ApiException.badParameter("place", "give either 'place' or 'lat' and 'lon', not both",
                    PlaceLookup.ALLOWED + ", or lat and lon");
            }
            return places.resolve("place", p.required("place", PlaceLookup.ALLOWED));
        }
        if (!p.has("lat") && !p.has("lon")) {
            throw ApiException.badParameter("place", "parameter 'place' (or 'lat' and 'lon') is required",
                PlaceLookup.ALLOWED + ", or lat and lon");
        }
        double lat = p.number("lat", -90, 90);
        double lon = p.number("lon", -180, 180);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lat", lat);
        view.put("lon", lon);
        return new PlaceLookup.Located(null, view, lat, lon, ClaimQuery.GIVEN_POINT);
    }

    static CountryCode target(String code) {
        return CountryCode.parse(code).orElseThrow(() -> ApiException.badParameter("to", "parameter 'to': unknown"
            + " country '" + Params.shorten(code) + "'; GET /countries lists the codes",
            "a country code from GET /countries"));
    }

    static double claimedKm(String raw) {
        double v;
        try {
            v = Params.parseNumber("claimed_km", raw, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        } catch (ApiException e) {
            throw ApiException.badParameter("claimed_km", e.getMessage(), CLAIMED_ALLOWED);
        }
        if (!(v > 0 && v <= ClaimChecker.MAX_CLAIMED_KM)) {
            throw ApiException.badParameter("claimed_km", "parameter 'claimed_km' is " + Params.shorten(raw)
                + ", outside the allowed range: greater than 0 and at most " + Params.fmt(ClaimChecker.MAX_CLAIMED_KM)
                + " km", CLAIMED_ALLOWED);
        }
        return v;
    }
}

package io.borderline.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A country or territory Borderline knows: an interned value identified by its public code
 * (ISO 3166-1 alpha-3, or a derived entry such as {@code RUS-KGD}, the Kaliningrad exclave,
 * which is {@linkplain #partOf() part of} {@code RUS}).
 *
 * <p>The set is data, not code: {@link BorderlineData#load} registers every row of
 * {@code data/countries.csv} (the world). The constants below are the codes the code base and its
 * tests name directly; they exist before any data is loaded and are the same instances the data
 * later describes, so {@code ==} comparison is safe. Thread-safe: registration is synchronised
 * and lookups read an immutable snapshot.
 */
public final class CountryCode {
    private static final Object LOCK = new Object();
    private static volatile Map<String, CountryCode> registry = Map.of();
    /** {@code registry}'s values in code order, replaced with it (values() is on per-answer paths). */
    private static volatile List<CountryCode> sorted = List.of();

    public static final CountryCode BLR = define("BLR", "Belarus", "Беларусь", "BY", "112", null);
    public static final CountryCode EST = define("EST", "Estonia", "Eesti", "EE", "233", null);
    public static final CountryCode FIN = define("FIN", "Finland", "Suomi", "FI", "246", null);
    public static final CountryCode LTU = define("LTU", "Lithuania", "Lietuva", "LT", "440", null);
    public static final CountryCode LVA = define("LVA", "Latvia", "Latvija", "LV", "428", null);
    public static final CountryCode POL = define("POL", "Poland", "Polska", "PL", "616", null);
    public static final CountryCode RUS = define("RUS", "Russia", "Россия", "RU", "643", null);
    public static final CountryCode RUS_KGD = define("RUS-KGD", "Kaliningrad exclave (Russia)",
        "Калининградская область", "RU", null, "RUS");
    public static final CountryCode UKR = define("UKR", "Ukraine", "Україна", "UA", "804", null);

    private final String code;
    private volatile String nameEn;
    private volatile String nameLocal;
    private volatile String iso2;
    private volatile String isoNumeric;
    private final String partOf;

    private CountryCode(String code, String nameEn, String nameLocal, String iso2, String isoNumeric, String partOf) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameLocal = nameLocal;
        this.iso2 = iso2;
        this.isoNumeric = isoNumeric;
        this.partOf = partOf;
    }

    /**
     * Registers a country, or refreshes the names and ISO codes of an already registered one
     * (the instance stays the same). Called by the data loader for every row of countries.csv.
     *
     * @param code ISO 3166-1 alpha-3, or a derived id {@code AAA-XXX} of a part of state AAA
     * @param partOf the containing state's code for a derived part, else null
     * @return the one instance for {@code code}
     */
    public static CountryCode define(String code, String nameEn, String nameLocal, String iso2, String isoNumeric,
                                     String partOf) {
        String key = code.toUpperCase(Locale.ROOT);
        // an empty CSV cell means "none": an empty part_of made every country loaded from the data a derived part
        partOf = partOf == null || partOf.isBlank() ? null : partOf.trim().toUpperCase(Locale.ROOT);
        iso2 = iso2 == null || iso2.isBlank() ? null : iso2;
        isoNumeric = isoNumeric == null || isoNumeric.isBlank() ? null : isoNumeric;
        synchronized (LOCK) {
            CountryCode existing = registry.get(key);
            if (existing != null) {
                existing.nameEn = nameEn;
                existing.nameLocal = nameLocal;
                existing.iso2 = iso2;
                existing.isoNumeric = isoNumeric;
                return existing;
            }
            CountryCode c = new CountryCode(key, nameEn, nameLocal, iso2, isoNumeric, partOf);
            Map<String, CountryCode> next = new LinkedHashMap<>(registry);
            next.put(key, c);
            registry = Map.copyOf(next);
            List<CountryCode> order = new ArrayList<>(next.values());
            order.sort(Comparator.comparing(CountryCode::code));
            sorted = List.copyOf(order);
            return c;
        }
    }

    /** The public id: ISO 3166-1 alpha-3, or a derived id such as RUS-KGD. */
    public String code() {
        return code;
    }

    /** English short name. */
    public String nameEn() {
        return nameEn;
    }

    /** Name in the country's (first) official language. */
    public String nameLocal() {
        return nameLocal;
    }

    /** ISO 3166-1 alpha-2 (a derived part carries its state's). */
    public String iso2() {
        return iso2;
    }

    /** ISO 3166-1 alpha-3; for a derived part, its state's. */
    public String iso3() {
        return partOf == null ? code : partOf;
    }

    /** ISO 3166-1 numeric, the id Natural Earth / world-atlas uses; null for a derived part or if none is assigned. */
    public String isoNumeric() {
        return isoNumeric;
    }

    /** The containing state of a derived part (RUS-KGD is part of RUS), else empty. */
    public Optional<CountryCode> partOf() {
        return partOf == null ? Optional.empty() : parse(partOf);
    }

    /** True for a sovereign state or territory of its own, false for a derived part such as RUS-KGD. */
    public boolean isState() {
        return partOf == null;
    }

    /** True if this is {@code other}, or one is the derived part of the other (RUS and RUS-KGD). */
    public boolean sameStateAs(CountryCode other) {
        return this == other || code.equals(other.partOf) || other.code.equals(partOf);
    }

    /** Every registered country and derived part, in code order. */
    public static List<CountryCode> values() {
        return sorted;
    }

    /** The states and territories, i.e. everything but the derived parts (RUS-KGD), in code order. */
    public static List<CountryCode> states() {
        return values().stream().filter(CountryCode::isState).toList();
    }

    /** Case-insensitive lookup by public code. */
    public static Optional<CountryCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(registry.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Lookup by ISO 3166-1 numeric (as Natural Earth writes it, e.g. "040" or "40"). */
    public static Optional<CountryCode> byNumeric(String numeric) {
        if (numeric == null || numeric.isBlank()) {
            return Optional.empty();
        }
        String n = numeric.trim().replaceFirst("^0+(?=.)", "");
        return registry.values().stream()
            .filter(c -> c.isState() && c.isoNumeric != null && c.isoNumeric.replaceFirst("^0+(?=.)", "").equals(n))
            .findFirst();
    }

    /** Lookup of a state by ISO 3166-1 alpha-2. */
    public static Optional<CountryCode> byIso2(String iso2) {
        if (iso2 == null) {
            return Optional.empty();
        }
        return sorted.stream().filter(c -> c.isState() && iso2.equalsIgnoreCase(c.iso2)).findFirst();
    }

    /**
     * What an error message says is allowed: with about 250 codes the list itself is served at
     * {@code /countries}; a few examples are given inline.
     */
    public static String allowed() {
        return "a country code listed at /countries (ISO 3166-1 alpha-3 such as BLR, FIN, RUS, or RUS-KGD; "
            + registry.size() + " codes)";
    }

    @Override
    public String toString() {
        return code;
    }
}

package io.borderline.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The territories Borderline loads. {@code RUS_KGD} is the Kaliningrad exclave, derived from
 * the Russian parts west of Lithuania; {@code RUS} includes it.
 */
public enum CountryCode {
    BLR("BLR", "Belarus", "Беларусь", "BY", "112"),
    EST("EST", "Estonia", "Eesti", "EE", "233"),
    LTU("LTU", "Lithuania", "Lietuva", "LT", "440"),
    LVA("LVA", "Latvia", "Latvija", "LV", "428"),
    POL("POL", "Poland", "Polska", "PL", "616"),
    RUS("RUS", "Russia", "Россия", "RU", "643"),
    RUS_KGD("RUS-KGD", "Kaliningrad exclave (Russia)", "Калининградская область", "RU", null),
    UKR("UKR", "Ukraine", "Україна", "UA", "804");

    private final String code;
    private final String nameEn;
    private final String nameLocal;
    private final String iso2;
    private final String isoNumeric;

    CountryCode(String code, String nameEn, String nameLocal, String iso2, String isoNumeric) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameLocal = nameLocal;
        this.iso2 = iso2;
        this.isoNumeric = isoNumeric;
    }

    /** The public id: ISO 3166-1 alpha-3, or RUS-KGD. */
    public String code() {
        return code;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameLocal() {
        return nameLocal;
    }

    public String iso2() {
        return iso2;
    }

    /** ISO 3166-1 numeric, the id Natural Earth / world-atlas uses; null for the exclave. */
    public String isoNumeric() {
        return isoNumeric;
    }

    /** The sovereign states, i.e. everything but the exclave. */
    public static List<CountryCode> states() {
        return Arrays.stream(values()).filter(c -> c != RUS_KGD).toList();
    }

    /** Case-insensitive lookup by public code. */
    public static Optional<CountryCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (CountryCode c : values()) {
            if (c.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Comma-separated list of all codes, for error messages. */
    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(CountryCode::code).toList());
    }
}

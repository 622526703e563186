package io.borderline.http;

/**
 * Content negotiation for {@code GET /distance}: JSON (the default) or CSV, and a 406 problem
 * when the {@code Accept} header admits neither, rather than JSON the client did not ask for.
 */
final class DistanceAnswer {
    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private DistanceAnswer() {}

    /** True for CSV, false for JSON; the highest {@code q} wins, JSON on a tie. */
    static boolean csv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = 0;
        double csv = 0;
        for (MediaRange range : MediaRange.parse(accept)) {
            String type = range.type();
            double q = range.q();
            switch (type) {
                case "application/json", "application/*" -> json = Math.max(json, q);
                case "text/csv", "text/*" -> csv = Math.max(csv, q);
                case "*/*" -> {
                    json = Math.max(json, q);
                    csv = Math.max(csv, q / 2); // a wildcard prefers the default
                }
                default -> { }
            }
        }
        if (json <= 0 && csv <= 0) {
            throw new ApiException(406, "not-acceptable", "Not acceptable", "the answer is available as"
                + " application/json or text/csv; Accept was '" + Params.shorten(accept) + "'", null,
                "application/json, text/csv");
        }
        return csv > json;
    }
}

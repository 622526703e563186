package io.borderline.places;

import io.borderline.data.Place;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Name search over GeoNames places, built once and then read-only.
 *
 * <p>Structure: every word of every name, folded by {@link PlaceNames} (case and diacritics
 * ignored), in one sorted array beside the index of the place it belongs to. A query is folded
 * the same way; each query word selects, by two binary searches, the block of index words that
 * start with it, and the smallest block gives the candidates. A place matches when every query
 * word is a prefix of one of its words. Matches rank in three tiers, then by population
 * (largest first), then by GeoNames id: the whole name equals the query; every query word is a
 * whole word of the name; prefixes only. The best {@code limit} are kept in a bounded heap. When
 * the smallest block is large (a one- or two-letter query), the whole-word tiers come from the
 * block of the exact word and the prefix tier from a scan of the places in population order that
 * stops at the {@code limit}-th match, so common prefixes stay cheap too.
 *
 * <p>Cost: building sorts W words (W ≈ 1.6 × the places), O(W log W); a query costs
 * O(q log W) for the searches plus one check per candidate in the smallest block, so it depends
 * on how common the rarest query word is, not on how many places are loaded (a one-letter query
 * touches the most). Lookup by GeoNames id is a binary search. Thread-safe once built.
 */
public final class PlaceIndex {
    /** Largest number of hits a search returns. */
    public static final int MAX_LIMIT = 100;
    /** Candidate blocks larger than this are searched in population order instead (see {@link #search}). */
    static final int LARGE_BLOCK = 2_000;

    private final Place[] places;
    private final String[][] placeWords;
    private final String[] folded;
    private final String[] words;
    private final int[] owners;
    private final long[] ids;
    private final int[] byId;
    private final int[] byPopulation;
    private final int largeBlock;

    public PlaceIndex(List<Place> list) {
        this(list, LARGE_BLOCK);
    }

    /** With the block size above which the population-order search takes over (tests compare both paths). */
    PlaceIndex(List<Place> list, int largeBlock) {
        this.largeBlock = largeBlock;
        places = list.toArray(new Place[0]);
        int n = places.length;
        placeWords = new String[n][];
        folded = new String[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            placeWords[i] = PlaceNames.words(places[i].name()).toArray(new String[0]);
            folded[i] = String.join(" ", placeWords[i]);
            total += placeWords[i].length;
        }
        // sort keys: the word, a NUL (below every letter, so a word sorts before its extensions), then the
        // place index as two chars, so equal words sort by place and the same word twice in a name sits side
        // by side; String's natural order sorts these without boxing or a comparator
        String[] keys = new String[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            String tail = "\u0000" + (char) (i >>> 16) + (char) (i & 0xFFFF);
            for (String w : placeWords[i]) {
                keys[k++] = w + tail;
            }
        }
        Arrays.sort(keys);
        words = new String[total];
        owners = new int[total];
        for (int j = 0; j < total; j++) {
            String key = keys[j];
            int len = key.length();
            words[j] = key.substring(0, len - 3);
            owners[j] = (key.charAt(len - 2) << 16) | key.charAt(len - 1);
        }
        // GeoNames ids (below 2^43) packed above the place index (below 2^20 places), sorted as primitives
        if (n >= 1 << 20) {
            throw new IllegalArgumentException(n + " places: at most " + ((1 << 20) - 1) + " can be indexed");
        }
        long[] packedIds = new long[n];
        for (int i = 0; i < n; i++) {
            packedIds[i] = (places[i].geonamesId() << 20) | i;
        }
        Arrays.sort(packedIds);
        ids = new long[n];
        byId = new int[n];
        for (int j = 0; j < n; j++) {
            ids[j] = packedIds[j] >>> 20;
            byId[j] = (int) (packedIds[j] & ((1 << 20) - 1));
        }
        // population descending, then GeoNames id: population (below 2^43) and the id order packed as one long
        long[] packedPop = new long[n];
        for (int j = 0; j < n; j++) {
            packedPop[j] = (Math.min(places[byId[j]].population(), (1L << 43) - 1) << 20) | ((1 << 20) - 1 - j);
        }
        Arrays.sort(packedPop);
        byPopulation = new int[n];
        for (int j = 0; j < n; j++) {
            byPopulation[j] = byId[(1 << 20) - 1 - (int) (packedPop[n - 1 - j] & ((1 << 20) - 1))];
        }
    }

    /** Number of places indexed. */
    public int size() {
        return places.length;
    }

    /** The place with this GeoNames id, or null. */
    public Place byGeonamesId(long id) {
        int j = Arrays.binarySearch(ids, id);
        return j < 0 ? null : places[byId[j]];
    }

    /**
     * The best matches of {@code query}, best first.
     *
     * @param query any text; folded as {@link PlaceNames} does, so a query with no letter or digit matches nothing
     * @param countryIso2 ISO 3166-1 alpha-2 code the place must have (as GeoNames records it), or null for any
     * @param limit how many hits at most, 1 to {@link #MAX_LIMIT}
     */
    public List<Place> search(String query, String countryIso2, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " outside 1 to " + MAX_LIMIT);
        }
        List<String> q = PlaceNames.words(query);
        if (q.isEmpty()) {
            return List.of();
        }
        int from = 0;
        int to = Integer.MAX_VALUE;
        String selector = null;
        for (String w : q) {
            int lo = lowerBound(w);
            int hi = lowerBound(w + Character.MAX_VALUE);
            if (hi - lo < to - from) {
                from = lo;
                to = hi;
                selector = w;
            }
        }
        String whole = String.join(" ", q);
        // worst hit on top: tier descending, then population ascending, then id descending
        PriorityQueue<int[]> best = new PriorityQueue<>(limit + 1, (a, b) -> compare(b, a));
        if (to - from <= largeBlock) {
            for (int j = from; j < to; j++) {
                int p = owners[j];
                if (firstEntry(j, p, selector)) { // a name with two words of this prefix is counted once
                    offer(p, q, whole, countryIso2, limit, best, 0, 2);
                }
            }
        } else {
            // a short, common prefix: the whole-word tiers come from the block of the exact word, the prefix
            // tier from the places in population order, where the first `limit` prefix matches are the best
            int exactTo = lowerBound(selector + '\u0001');
            for (int j = from; j < exactTo; j++) {
                // every word here equals the selector, and a place's equal words sit side by side: count it once
                // (firstEntry would look for its first word *starting* with the selector, "anse" in "Anse à Galets")
                if (j == from || owners[j - 1] != owners[j]) {
                    offer(owners[j], q, whole, countryIso2, limit, best, 0, 1);
                }
            }
            int prefixHits = 0;
            for (int i = 0; i < byPopulation.length && prefixHits < limit; i++) {
                if (offer(byPopulation[i], q, whole, countryIso2, limit, best, 2, 2)) {
                    prefixHits++;
                }
            }
        }
        List<int[]> hits = new ArrayList<>(best);
        hits.sort(this::compare);
        return hits.stream().map(h -> places[h[1]]).toList();
    }

    /** Ranks place {@code p} into {@code best} if it matches in a tier from {@code minTier} to {@code maxTier}. */
    private boolean offer(int p, List<String> q, String whole, String countryIso2, int limit, PriorityQueue<int[]> best,
                          int minTier, int maxTier) {
        if (countryIso2 != null && !countryIso2.equalsIgnoreCase(places[p].countryIso2())) {
            return false;
        }
        int tier = tier(p, q, whole);
        if (tier < minTier || tier > maxTier) {
            return false;
        }
        int[] hit = {tier, p};
        if (best.size() < limit) {
            best.add(hit);
        } else if (compare(hit, best.peek()) < 0) {
            best.poll();
            best.add(hit);
        }
        return true;
    }

    /** True if entry {@code j} is the first of place {@code p}'s words that starts with {@code selector}. */
    private boolean firstEntry(int j, int p, String selector) {
        if (j > 0 && owners[j - 1] == p && words[j - 1].equals(words[j])) {
            return false;
        }
        for (String own : placeWords[p]) {
            if (own.startsWith(selector)) {
                return own.equals(words[j]);
            }
        }
        return false;
    }

    /** 0: the whole name; 1: whole words; 2: prefixes; -1: no match. */
    private int tier(int p, List<String> q, String whole) {
        if (folded[p].equals(whole)) {
            return 0;
        }
        boolean wholeWords = true;
        for (String w : q) {
            boolean prefix = false;
            boolean equal = false;
            for (String own : placeWords[p]) {
                if (own.startsWith(w)) {
                    prefix = true;
                    if (own.length() == w.length()) {
                        equal = true;
                        break;
                    }
                }
            }
            if (!prefix) {
                return -1;
            }
            wholeWords &= equal;
        }
        return wholeWords ? 1 : 2;
    }

    private int compare(int[] a, int[] b) {
        if (a[0] != b[0]) {
            return Integer.compare(a[0], b[0]);
        }
        Place pa = places[a[1]];
        Place pb = places[b[1]];
        if (pa.population() != pb.population()) {
            return Long.compare(pb.population(), pa.population());
        }
        return Long.compare(pa.geonamesId(), pb.geonamesId());
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = words.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

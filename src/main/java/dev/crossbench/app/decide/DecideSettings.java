package dev.crossbench.app.decide;

import dev.crossbench.data.DocumentFormat;
import dev.crossbench.index.HnswParams;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How {@code decide} measures and what it extrapolates to.
 *
 * @param budgets per-query latency budgets, each answered with a recommendation
 * @param targetCorpusSize the corpus size costs are extrapolated to (the budgets are checked there)
 * @param depths rerank depths K of the two-stage configurations (clamped to the corpus)
 * @param queriesSample how many judged queries are measured, drawn with {@code seed}; 0 for all of them
 * @param crossAloneQueries at most this many of the sampled queries are answered by the cross-encoder alone
 * @param crossAloneSeconds time allowed for that: when even one query would take longer (estimated from the
 *     measured cost per candidate), the cross-encoder alone is extrapolated instead of measured
 * @param scalingSizes corpus sizes of the search-latency curve; empty for a quarter, one and four times the corpus
 * @param encodeSampleDocuments documents encoded to measure throughput when the corpus came from the cache
 */
public record DecideSettings(List<LatencyBudget> budgets, long targetCorpusSize, List<Integer> depths, int queriesSample,
        long seed, int crossAloneQueries, double crossAloneSeconds, List<Integer> scalingSizes, HnswParams hnsw,
        DocumentFormat format, boolean ignoreIdenticalIds, int encodeSampleDocuments) {

    public static final long DEFAULT_CORPUS_SIZE = 1_000_000;
    public static final List<Integer> DEFAULT_DEPTHS = List.of(10, 20, 50, 100);
    public static final int DEFAULT_QUERIES_SAMPLE = 50;

    public DecideSettings {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("give at least one latency budget (e.g. --latency-budget 200ms)");
        }
        if (targetCorpusSize < 1) {
            throw new IllegalArgumentException("the corpus size to extrapolate to must be at least 1, got " + targetCorpusSize);
        }
        if (depths.isEmpty() || depths.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("rerank depths must be at least 1, got " + depths);
        }
        if (queriesSample < 0) {
            throw new IllegalArgumentException("the query sample must be 0 (all) or more, got " + queriesSample);
        }
        if (crossAloneQueries < 0 || !(crossAloneSeconds >= 0)) {
            throw new IllegalArgumentException("cross-encoder-alone queries and seconds must be 0 or more");
        }
        if (scalingSizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("scaling sizes must be at least 1, got " + scalingSizes);
        }
        if (encodeSampleDocuments < 1) {
            throw new IllegalArgumentException("the encode sample needs at least 1 document, got " + encodeSampleDocuments);
        }
        budgets = List.copyOf(budgets);
        depths = depths.stream().distinct().sorted().toList();
        scalingSizes = List.copyOf(scalingSizes);
    }

    public static DecideSettings defaults(List<LatencyBudget> budgets) {
        return new DecideSettings(budgets, DEFAULT_CORPUS_SIZE, DEFAULT_DEPTHS, DEFAULT_QUERIES_SAMPLE, 42, 10, 120, List.of(),
                HnswParams.DEFAULTS, DocumentFormat.TITLE_AND_TEXT, true, 32);
    }

    public DecideSettings withTargetCorpusSize(long n) {
        return new DecideSettings(budgets, n, depths, queriesSample, seed, crossAloneQueries, crossAloneSeconds, scalingSizes, hnsw,
                format, ignoreIdenticalIds, encodeSampleDocuments);
    }

    public DecideSettings withQueriesSample(int n, long newSeed) {
        return new DecideSettings(budgets, targetCorpusSize, depths, n, newSeed, crossAloneQueries, crossAloneSeconds, scalingSizes,
                hnsw, format, ignoreIdenticalIds, encodeSampleDocuments);
    }

    public DecideSettings withDepths(List<Integer> d) {
        return new DecideSettings(budgets, targetCorpusSize, d, queriesSample, seed, crossAloneQueries, crossAloneSeconds, scalingSizes,
                hnsw, format, ignoreIdenticalIds, encodeSampleDocuments);
    }

    public DecideSettings withCrossAlone(int queries, double seconds) {
        return new DecideSettings(budgets, targetCorpusSize, depths, queriesSample, seed, queries, seconds, scalingSizes, hnsw, format,
                ignoreIdenticalIds, encodeSampleDocuments);
    }

    public DecideSettings withScalingSizes(List<Integer> sizes) {
        return new DecideSettings(budgets, targetCorpusSize, depths, queriesSample, seed, crossAloneQueries, crossAloneSeconds, sizes,
                hnsw, format, ignoreIdenticalIds, encodeSampleDocuments);
    }

    public DecideSettings withFormat(DocumentFormat f, boolean ignoreIds) {
        return new DecideSettings(budgets, targetCorpusSize, depths, queriesSample, seed, crossAloneQueries, crossAloneSeconds,
                scalingSizes, hnsw, f, ignoreIds, encodeSampleDocuments);
    }

    /**
     * A document count as typed: "1000000", "1,000,000", "1_000_000", "1e6", "2.5e5", "500k", "1M", "1B".
     * It must be a whole number of at least 1.
     */
    public static long parseCorpusSize(String text) {
        String s = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        long scale = 1;
        if (!s.isEmpty()) {
            char last = Character.toLowerCase(s.charAt(s.length() - 1));
            scale = switch (last) {
                case 'k' -> 1_000L;
                case 'm' -> 1_000_000L;
                case 'b', 'g' -> 1_000_000_000L;
                default -> 1;
            };
            if (scale > 1) {
                s = s.substring(0, s.length() - 1).strip();
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s.toLowerCase(Locale.ROOT)).multiply(BigDecimal.valueOf(scale));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("corpus size '" + text + "' is not a number of documents (e.g. 1000000, 1e6, 1M)");
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("corpus size '" + text + "' must be at least 1 document");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("corpus size '" + text + "' is not a whole number of documents");
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4096)) > 0) {
            throw new IllegalArgumentException("corpus size '" + text + "' is too large to extrapolate to");
        }
        return value.longValueExact();
    }
}

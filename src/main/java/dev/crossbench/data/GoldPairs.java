package dev.crossbench.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Pairs a person marked as duplicates (or paraphrases), for scoring deduplication: either pairs of ids of the
 * input, or pairs of texts (a labeled pairs file whose score passes a rule, e.g. STS-B score >= 4).
 *
 * @param pairs the records that count as duplicates
 * @param judged every pair the file judges, duplicate or not; null when the file lists duplicates only
 * @param rows records read
 * @param rule which records count, e.g. "score >= 4.0", "is_duplicate = 1", "every row"
 */
public record GoldPairs(Path file, Kind kind, List<Pair> pairs, List<Pair> judged, int rows, String rule) {
    public enum Kind {
        /** Both sides are ids of the input's documents. */
        IDS,
        /** Both sides are texts, matched to the input's texts. */
        TEXTS
    }

    public record Pair(String first, String second) {}

    public GoldPairs {
        pairs = List.copyOf(pairs);
        judged = judged == null ? null : List.copyOf(judged);
    }
}

package dev.crossbench.app;

import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.index.HnswParams;
import java.util.Locale;

/**
 * How deduplication runs.
 *
 * @param threshold cosine at or above which a candidate is a duplicate (within [-1, 1])
 * @param crossThreshold cross-encoder score (sigmoid, [0, 1]) a candidate must also reach when a cross-encoder verifies
 * @param topK neighbours looked at per text
 * @param candidateThreshold the lowest cosine kept as a candidate (at most {@code threshold}); lower it to sweep
 *     thresholds afterwards without running again
 * @param index exact all pairs, HNSW, or auto (exact up to {@link DedupService#EXACT_MAX_TEXTS} distinct texts)
 * @param allPairsSample distinct texts on which all pairs are compared, timed, to extrapolate brute force to the
 *     whole input when the candidates come from HNSW (0: do not measure)
 */
public record DedupSettings(double threshold, double crossThreshold, int topK, double candidateThreshold, IndexMode index,
        HnswParams hnsw, int allPairsSample, long seed) {

    public enum IndexMode {
        AUTO, EXACT, HNSW;

        public static IndexMode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "exact", "brute-force", "all-pairs" -> EXACT;
                case "hnsw" -> HNSW;
                default -> throw new IllegalArgumentException("unknown index '" + s + "' (expected auto, exact or hnsw)");
            };
        }
    }

    public static final DedupSettings DEFAULTS = new DedupSettings(0.85, 0.5, 10, 0.85, IndexMode.AUTO,
            DedupService.HNSW_DEFAULTS, 5_000, 42);

    public DedupSettings {
        new AcceptRule(threshold, crossThreshold); // range checks with the messages the user sees
        if (topK < 1 || topK > 1_000) {
            throw new IllegalArgumentException("top-k must be within 1..1000, got " + topK);
        }
        if (!(candidateThreshold >= -1 && candidateThreshold <= threshold)) {
            throw new IllegalArgumentException("candidate threshold " + candidateThreshold + " must be within [-1, threshold "
                    + threshold + "]");
        }
        if (allPairsSample < 0) {
            throw new IllegalArgumentException("all-pairs sample must be 0 or more, got " + allPairsSample);
        }
    }

    public DedupSettings withThresholds(double newThreshold, double newCrossThreshold, double newCandidateThreshold) {
        return new DedupSettings(newThreshold, newCrossThreshold, topK, newCandidateThreshold, index, hnsw, allPairsSample, seed);
    }

    public DedupSettings withTopK(int k) {
        return new DedupSettings(threshold, crossThreshold, k, candidateThreshold, index, hnsw, allPairsSample, seed);
    }

    public DedupSettings withIndex(IndexMode mode, HnswParams params) {
        return new DedupSettings(threshold, crossThreshold, topK, candidateThreshold, mode, params, allPairsSample, seed);
    }

    public DedupSettings withAllPairsSample(int sample) {
        return new DedupSettings(threshold, crossThreshold, topK, candidateThreshold, index, hnsw, sample, seed);
    }
}

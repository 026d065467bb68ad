package dev.crossbench.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of scoring labeled pairs: the gold scores and, either for each similarity function (a
 * bi-encoder's embeddings) or for scores predicted directly (a cross-encoder), the predicted scores with
 * their Pearson and Spearman correlation against gold.
 */
public final class PairCorrelations {
    private final double[] gold;
    private final Map<SimilarityFunction, ScoreCorrelation> bySimilarity;
    private final ScoreCorrelation predicted;

    private PairCorrelations(double[] gold, Map<SimilarityFunction, ScoreCorrelation> bySimilarity,
            ScoreCorrelation predicted) {
        this.gold = gold.clone();
        this.bySimilarity = Collections.unmodifiableMap(new EnumMap<>(bySimilarity));
        this.predicted = predicted;
    }

    static PairCorrelations ofSimilarities(double[] gold, Map<SimilarityFunction, ScoreCorrelation> bySimilarity) {
        return new PairCorrelations(gold, bySimilarity, null);
    }

    static PairCorrelations ofPredictions(double[] gold, ScoreCorrelation predicted) {
        return new PairCorrelations(gold, new EnumMap<>(SimilarityFunction.class), predicted);
    }

    /**
     * Rebuilt from values computed earlier (a saved session): exactly one of {@code bySimilarity}
     * (non-empty) and {@code predicted} (non-null) holds scores, as after an evaluation.
     */
    public static PairCorrelations restored(double[] gold, Map<SimilarityFunction, ScoreCorrelation> bySimilarity,
            ScoreCorrelation predicted) {
        boolean similarities = bySimilarity != null && !bySimilarity.isEmpty();
        if (similarities == (predicted != null)) {
            throw new IllegalArgumentException("saved correlations need either similarity scores or predicted scores");
        }
        ScoreCorrelation any = similarities ? bySimilarity.values().iterator().next() : predicted;
        if (any.predicted().length != gold.length) {
            throw new IllegalArgumentException("saved correlations: " + gold.length + " gold scores but "
                    + any.predicted().length + " predicted");
        }
        return similarities ? ofSimilarities(gold, bySimilarity) : ofPredictions(gold, predicted);
    }

    /** A copy of the gold scores in pair order. */
    public double[] gold() {
        return gold.clone();
    }

    public int size() {
        return gold.length;
    }

    /** One entry per similarity function for embeddings; empty when the scores were predicted directly. */
    public Map<SimilarityFunction, ScoreCorrelation> bySimilarity() {
        return bySimilarity;
    }

    /** The result for one similarity function; fails when the scores were predicted directly. */
    public ScoreCorrelation get(SimilarityFunction function) {
        ScoreCorrelation result = bySimilarity.get(function);
        if (result == null) {
            throw new IllegalStateException("no " + function.label() + " scores: these scores were predicted directly");
        }
        return result;
    }

    /** The directly predicted scores (a cross-encoder's), when that is what was evaluated. */
    public Optional<ScoreCorrelation> predicted() {
        return Optional.ofNullable(predicted);
    }

    /** The headline result: cosine for embeddings (the published STS-B convention), else the predicted scores. */
    public ScoreCorrelation main() {
        return predicted != null ? predicted : get(SimilarityFunction.COSINE);
    }
}

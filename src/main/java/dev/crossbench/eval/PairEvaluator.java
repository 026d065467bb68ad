package dev.crossbench.eval;

import java.util.EnumMap;
import java.util.Map;

/** Correlates model scores of labeled pairs with their gold scores (STS-style evaluation). */
public final class PairEvaluator {
    private PairEvaluator() {
    }

    /**
     * Scores each pair with every {@link SimilarityFunction} from the embeddings of its two texts.
     *
     * @param embeddings1 one embedding per pair for sentence1, in the order of {@code gold}
     * @param embeddings2 the same for sentence2
     */
    public static PairCorrelations evaluate(double[] gold, float[][] embeddings1, float[][] embeddings2) {
        if (embeddings1.length != gold.length || embeddings2.length != gold.length) {
            throw new IllegalArgumentException("need one embedding per pair: " + gold.length + " gold scores, "
                    + embeddings1.length + " sentence1 and " + embeddings2.length + " sentence2 embeddings");
        }
        Map<SimilarityFunction, ScoreCorrelation> results = new EnumMap<>(SimilarityFunction.class);
        for (SimilarityFunction function : SimilarityFunction.values()) {
            double[] scores = new double[gold.length];
            for (int i = 0; i < scores.length; i++) {
                if (embeddings1[i].length != embeddings2[i].length) {
                    throw new IllegalArgumentException("pair " + i + ": embeddings differ in dimension ("
                            + embeddings1[i].length + " vs " + embeddings2[i].length + ")");
                }
                scores[i] = function.score(embeddings1[i], embeddings2[i]);
            }
            results.put(function, correlate(gold, scores));
        }
        return PairCorrelations.ofSimilarities(gold, results);
    }

    /** Correlates scores a model gave each pair directly, e.g. a cross-encoder's outputs. */
    public static PairCorrelations evaluate(double[] gold, double[] predicted) {
        if (predicted.length != gold.length) {
            throw new IllegalArgumentException("need one predicted score per pair: " + gold.length
                    + " gold scores, " + predicted.length + " predicted");
        }
        return PairCorrelations.ofPredictions(gold, correlate(gold, predicted));
    }

    private static ScoreCorrelation correlate(double[] gold, double[] predicted) {
        return new ScoreCorrelation(predicted, Correlation.pearson(gold, predicted), Correlation.spearman(gold, predicted));
    }
}

package dev.crossbench.train.eval;

import dev.crossbench.data.LabeledPair;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges a model on dev data after each epoch; the trainers keep the epoch whose {@link #primaryMetric()}
 * is best. Every trainer picks its checkpoint through this one seam, so a new dev measure is a new
 * implementation rather than a change to the training loop.
 */
public interface Evaluator {
    /** The name of the metric that picks the best epoch; a key of {@link #evaluate}'s result. */
    String primaryMetric();

    /** Whether a higher primary metric is better (true for correlations and nDCG). */
    default boolean greaterIsBetter() {
        return true;
    }

    /**
     * Metrics by name, the primary one among them.
     *
     * @param scorer scores (sentence1, sentence2) pairs with the model being trained, in order
     */
    Map<String, Double> evaluate(Function<List<LabeledPair>, double[]> scorer);
}

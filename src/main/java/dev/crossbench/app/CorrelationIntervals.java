package dev.crossbench.app;

import dev.crossbench.eval.Bootstrap;
import dev.crossbench.eval.ConfidenceInterval;
import dev.crossbench.eval.ScoreCorrelation;

/**
 * 95% percentile-bootstrap intervals for a model's Pearson and Spearman against gold. The seed is
 * fixed so the same scores always give the same interval (on screen, in exports, in tests).
 */
public record CorrelationIntervals(ConfidenceInterval pearson, ConfidenceInterval spearman) {
    public static final int RESAMPLES = 1000;
    public static final long SEED = 20240101L;
    public static final double LEVEL = 0.95;

    public static CorrelationIntervals of(double[] gold, ScoreCorrelation scores) {
        double[] predicted = scores.predicted();
        return new CorrelationIntervals(
                Bootstrap.correlationInterval(gold, predicted, false, RESAMPLES, SEED, LEVEL),
                Bootstrap.correlationInterval(gold, predicted, true, RESAMPLES, SEED, LEVEL));
    }
}

package dev.crossbench.eval;

/** Predicted scores for a list of pairs and how they correlate with the gold scores. */
public record ScoreCorrelation(double[] predicted, double pearson, double spearman) {
    public ScoreCorrelation {
        predicted = predicted.clone();
    }

    /** A copy of the predicted scores in pair order (for scatter plots against gold). */
    @Override
    public double[] predicted() {
        return predicted.clone();
    }
}

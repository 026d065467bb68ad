package dev.crossbench.dedup;

/**
 * Duplicate pairs claimed, gold duplicate pairs, and pairs in both, counted over pairs of input rows.
 * Precision is NaN when nothing is claimed, recall when there is no gold pair.
 *
 * @param judgedClaimed claimed pairs that the gold file judges at all (duplicate or not), -1 when it lists
 *     duplicates only: a claimed pair nobody judged may still be a duplicate, so {@link #judgedPrecision()}
 *     (true positives among judged claims) bounds precision from the other side
 */
public record PairCounts(long predicted, long gold, long truePositives, long judgedClaimed) {
    public double precision() {
        return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    public double recall() {
        return gold == 0 ? Double.NaN : (double) truePositives / gold;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1() {
        return f1(precision(), recall());
    }

    /** Precision among the claimed pairs the gold file judges; NaN without judgements or judged claims. */
    public double judgedPrecision() {
        return judgedClaimed <= 0 ? Double.NaN : (double) truePositives / judgedClaimed;
    }

    public double judgedF1() {
        return f1(judgedPrecision(), recall());
    }

    private static double f1(double p, double r) {
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}

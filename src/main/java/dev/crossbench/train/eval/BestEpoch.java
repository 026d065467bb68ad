package dev.crossbench.train.eval;

/**
 * The best epoch so far by an {@link Evaluator}'s primary metric, in its direction. Ties keep the earlier
 * epoch, and a NaN never wins: the first epoch with a number is kept until beaten.
 */
public final class BestEpoch {
    private final boolean greaterIsBetter;
    private double value;
    private int epoch;

    public BestEpoch(Evaluator evaluator) {
        this.greaterIsBetter = evaluator.greaterIsBetter();
        this.value = greaterIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Records an epoch's value; true when it is the new best (and so should be saved). */
    public boolean offer(int candidateEpoch, double candidate) {
        boolean better = greaterIsBetter ? candidate > value : candidate < value;
        if (better) {
            value = candidate;
            epoch = candidateEpoch;
        }
        return better;
    }

    /** 0 until an epoch has been offered with a comparable value. */
    public int epoch() {
        return epoch;
    }

    public double value() {
        return value;
    }
}

package dev.crossbench.data;

import dev.crossbench.core.CrossbenchException;

/**
 * The span of gold scores, used to map them onto [0,1] for training (cosine and sigmoid outputs live
 * there) and back again, so results are still shown in the data set's own units.
 */
public record ScoreRange(double min, double max) {
    public ScoreRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("invalid score range [" + min + ", " + max + "]");
        }
    }

    /** A range the user states, e.g. 0-5 for STS-B, so a split that lacks the extremes is scaled like the others. */
    public static ScoreRange declared(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new CrossbenchException("score range [" + min + ", " + max + "]: both ends must be finite numbers");
        }
        if (!(max > min)) {
            throw new CrossbenchException("score range [" + min + ", " + max + "]: the maximum must be above the minimum");
        }
        return new ScoreRange(min, max);
    }

    /** The smallest and largest score present in the data set. */
    public static ScoreRange observed(PairDataset dataset) {
        if (dataset.isEmpty()) {
            throw new CrossbenchException(dataset.name() + ": no pairs, so there is no score range");
        }
        if (!(dataset.maxScore() > dataset.minScore())) {
            throw new CrossbenchException(dataset.name() + ": every pair has the score " + dataset.minScore()
                    + ", so scores cannot be scaled (declare the range instead)");
        }
        return new ScoreRange(dataset.minScore(), dataset.maxScore());
    }

    public boolean contains(double score) {
        return score >= min && score <= max;
    }

    /** Maps a score to [0,1]; values outside the range are clamped (check with {@link #requireCovers} first). */
    public double normalise(double score) {
        double unit = (score - min) / (max - min);
        return Math.max(0.0, Math.min(1.0, unit));
    }

    /** Maps a value in [0,1] back to the data set's units, e.g. to show a cross-encoder's output next to gold. */
    public double denormalise(double unit) {
        return min + unit * (max - min);
    }

    /** Fails, naming the first offending pair, when a declared range does not hold every score of the data set. */
    public void requireCovers(PairDataset dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            double score = dataset.get(i).score();
            if (!contains(score)) {
                throw new CrossbenchException(dataset.name() + ": pair " + (i + 1) + " has the score " + score
                        + ", outside the declared range [" + min + ", " + max + "]");
            }
        }
    }
}

package dev.crossbench.eval;

/**
 * Where scores on different scales disagree: each score list is turned into percentile ranks in
 * [0, 1] (ties share their average rank, as in Spearman), so a cosine of 0.7 and a gold score of
 * 3.5 can be compared by how high each places the pair. The gap between two lists for one pair is
 * the absolute difference of its percentile ranks: 0 means the same place, 1 opposite ends.
 */
public final class RankDisagreement {
    private RankDisagreement() {}

    /** Percentile ranks in [0, 1]; a single value gets 0.5. */
    public static double[] percentileRanks(double[] scores) {
        double[] ranks = Correlation.ranks(scores);
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = scores.length == 1 ? 0.5 : (ranks[i] - 1) / (scores.length - 1);
        }
        return out;
    }

    /** Per pair, |rank in a - rank in b|. */
    public static double[] gaps(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rank gaps need paired lists: " + a.length + " vs " + b.length);
        }
        double[] ra = percentileRanks(a);
        double[] rb = percentileRanks(b);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.abs(ra[i] - rb[i]);
        }
        return out;
    }
}

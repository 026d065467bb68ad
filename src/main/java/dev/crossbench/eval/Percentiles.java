package dev.crossbench.eval;

/**
 * Percentiles by linear interpolation between the closest ranks, numpy's default
 * ({@code np.percentile(a, q, method="linear")}): for sorted values v[0..n-1] the p-th percentile sits at
 * position h = (n-1)·p/100 and is v[floor h] + (h - floor h)·(v[floor h + 1] - v[floor h]).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** @param sorted values in ascending order (not checked); @param percent 0 to 100 */
    public static double ofSorted(double[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100, was " + percent);
        }
        double position = (sorted.length - 1) * percent / 100.0;
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}

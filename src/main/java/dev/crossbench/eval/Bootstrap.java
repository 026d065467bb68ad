package dev.crossbench.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals for a correlation: resample the pairs with replacement, compute
 * the correlation of each resample, and take the (1-level)/2 and (1+level)/2 percentiles of those values
 * ({@link Percentiles}). Resamples whose correlation is undefined (a constant side) are left out. Also the
 * paired interval of a difference of means (per-query metrics of two rankings).
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param spearman Spearman's rho (ranks recomputed in every resample) instead of Pearson's r
     * @param resamples how many resamples, e.g. 1000
     * @param seed the same seed gives the same interval
     * @param level confidence level in (0, 1), e.g. 0.95
     * @return the interval; both ends NaN when no resample had a defined correlation
     */
    public static ConfidenceInterval correlationInterval(double[] x, double[] y, boolean spearman, int resamples,
            long seed, double level) {
        checkArguments(x, y, resamples, level);
        SplittableRandom random = new SplittableRandom(seed);
        int n = x.length;
        double[] sampleX = new double[n];
        double[] sampleY = new double[n];
        double[] estimates = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                sampleX[i] = x[pick];
                sampleY[i] = y[pick];
            }
            double value = spearman ? Correlation.spearman(sampleX, sampleY) : Correlation.pearson(sampleX, sampleY);
            if (!Double.isNaN(value)) {
                estimates[defined++] = value;
            }
        }
        return percentiles(estimates, defined, level);
    }

    /**
     * Paired percentile-bootstrap interval of mean(a) - mean(b), e.g. two rankings' per-query nDCG@10 on the same
     * queries: resample the queries with replacement and take the mean difference of each resample.
     */
    public static ConfidenceInterval meanDifferenceInterval(double[] a, double[] b, int resamples, long seed, double level) {
        checkArguments(a, b, resamples, level);
        SplittableRandom random = new SplittableRandom(seed);
        int n = a.length;
        double[] estimates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                sum += a[pick] - b[pick];
            }
            estimates[r] = sum / n;
        }
        return percentiles(estimates, resamples, level);
    }

    private static void checkArguments(double[] x, double[] y, int resamples, double level) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("bootstrap needs paired values: x has " + x.length
                    + " values, y has " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 pairs, got " + x.length);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, was " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, was " + level);
        }
    }

    /** The interval from the first {@code defined} estimates; NaN ends when there are none. */
    private static ConfidenceInterval percentiles(double[] estimates, int defined, double level) {
        if (defined == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, level);
        }
        double[] sorted = Arrays.copyOf(estimates, defined);
        Arrays.sort(sorted);
        double tail = (1 - level) / 2 * 100;
        return new ConfidenceInterval(Percentiles.ofSorted(sorted, tail), Percentiles.ofSorted(sorted, 100 - tail),
                level);
    }
}

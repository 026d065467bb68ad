package dev.crossbench.eval;

import java.util.Arrays;

/** Pearson and Spearman correlation, matching scipy.stats.pearsonr / spearmanr. */
public final class Correlation {
    private Correlation() {
    }

    /**
     * Pearson's r. NaN when either side is constant (there is no linear relation to measure), as scipy
     * returns. The result is clipped to [-1, 1] against rounding, as scipy does.
     */
    public static double pearson(double[] x, double[] y) {
        checkPaired(x, y);
        if (isConstant(x) || isConstant(y)) {
            return Double.NaN;
        }
        // r does not change with scale: dividing each side by its largest magnitude first keeps sums and
        // products finite for scores up to +-Double.MAX_VALUE (1.7e308 squared would overflow to infinity).
        x = scaled(x);
        y = scaled(y);
        double meanX = mean(x);
        double meanY = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Spearman's rho: Pearson's r of the fractional ranks, so ties share their average rank. */
    public static double spearman(double[] x, double[] y) {
        checkPaired(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * 1-based ranks with ties given the average of the ranks they span (scipy.stats.rankdata "average"):
     * ranks([1, 2, 2, 3]) = [1, 2.5, 2.5, 4].
     */
    public static double[] ranks(double[] values) {
        checkFinite(values, "values");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            // Equal values occupy sorted[first .. last-1], i.e. the 1-based ranks first+1 .. last.
            int first = firstIndexNotBelow(sorted, values[i]);
            int last = firstIndexAbove(sorted, values[i]);
            ranks[i] = (first + 1 + last) / 2.0;
        }
        return ranks;
    }

    private static int firstIndexNotBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int firstIndexAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void checkPaired(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("correlation needs paired values: x has " + x.length
                    + " values, y has " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("correlation needs at least 2 pairs, got " + x.length);
        }
        checkFinite(x, "x");
        checkFinite(y, "y");
    }

    private static void checkFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + ", not a finite number");
            }
        }
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static double[] scaled(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / max;
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

package dev.crossbench.bench;

import dev.crossbench.eval.Percentiles;
import java.util.Arrays;
import java.util.List;

/**
 * Summary of repeated timings, all in nanoseconds. Median and tail percentiles use linear interpolation
 * between closest ranks, numpy's default (see {@link Percentiles}); with few runs p99 is therefore close to
 * the maximum rather than equal to an observed run.
 */
public record TimingStats(int count, double meanNanos, double medianNanos, double p95Nanos, double p99Nanos,
        long minNanos, long maxNanos) {

    public static TimingStats of(List<Long> durationsNanos) {
        return of(durationsNanos.stream().mapToLong(Long::longValue).toArray());
    }

    public static TimingStats of(long[] durationsNanos) {
        if (durationsNanos.length == 0) {
            throw new IllegalArgumentException("no timings to summarise");
        }
        double[] sorted = new double[durationsNanos.length];
        double sum = 0;
        for (int i = 0; i < durationsNanos.length; i++) {
            if (durationsNanos[i] < 0) {
                throw new IllegalArgumentException("timing " + i + " is negative: " + durationsNanos[i] + " ns");
            }
            sorted[i] = durationsNanos[i];
            sum += durationsNanos[i];
        }
        Arrays.sort(sorted);
        long min = Arrays.stream(durationsNanos).min().getAsLong();
        long max = Arrays.stream(durationsNanos).max().getAsLong();
        return new TimingStats(durationsNanos.length, sum / durationsNanos.length, Percentiles.ofSorted(sorted, 50),
                Percentiles.ofSorted(sorted, 95), Percentiles.ofSorted(sorted, 99), min, max);
    }

    public double meanMillis() {
        return meanNanos / 1e6;
    }

    public double medianMillis() {
        return medianNanos / 1e6;
    }

    public double p95Millis() {
        return p95Nanos / 1e6;
    }

    public double p99Millis() {
        return p99Nanos / 1e6;
    }

    /** Throughput from the mean time of one run, e.g. sentences per second when a run encodes a batch. */
    public double perSecond(double itemsPerRun) {
        return itemsPerRun / (meanNanos / 1e9);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d mean=%.3f ms p50=%.3f ms p95=%.3f ms p99=%.3f ms"
                + " min=%.3f ms max=%.3f ms", count, meanMillis(), medianMillis(), p95Millis(), p99Millis(),
                minNanos / 1e6, maxNanos / 1e6);
    }
}

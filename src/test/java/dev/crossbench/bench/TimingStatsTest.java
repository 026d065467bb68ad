package dev.crossbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.eval.Percentiles;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Percentile expectations from numpy 2.4.6: np.percentile(a, q) (default method "linear"). */
class TimingStatsTest {
    private static final double EPS = 1e-9;

    @Test
    void percentilesInterpolateLinearlyLikeNumpy() {
        double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5.5, Percentiles.ofSorted(oneToTen, 50), EPS);
        assertEquals(9.55, Percentiles.ofSorted(oneToTen, 95), EPS);
        assertEquals(9.91, Percentiles.ofSorted(oneToTen, 99), EPS);
        assertEquals(1.225, Percentiles.ofSorted(oneToTen, 2.5), EPS);
        assertEquals(1.0, Percentiles.ofSorted(oneToTen, 0), EPS);
        assertEquals(10.0, Percentiles.ofSorted(oneToTen, 100), EPS);
        double[] five = {15, 20, 35, 40, 50};
        assertEquals(35.0, Percentiles.ofSorted(five, 50), EPS);
        assertEquals(48.0, Percentiles.ofSorted(five, 95), EPS);
        assertEquals(49.6, Percentiles.ofSorted(five, 99), EPS);
        assertEquals(7.0, Percentiles.ofSorted(new double[] {7}, 99), EPS);
        assertThrows(IllegalArgumentException.class, () -> Percentiles.ofSorted(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.ofSorted(five, 101));
    }

    @Test
    void summarisesDurations() {
        // numpy: mean 1624.0, percentiles 50/95/99 = 1035.0, 4100.0, 4820.0
        TimingStats stats = TimingStats.of(new long[] {1200, 1000, 900, 5000, 1100, 1050, 980, 1020, 990, 3000});
        assertEquals(10, stats.count());
        assertEquals(1624.0, stats.meanNanos(), EPS);
        assertEquals(1035.0, stats.medianNanos(), EPS);
        assertEquals(4100.0, stats.p95Nanos(), EPS);
        assertEquals(4820.0, stats.p99Nanos(), EPS);
        assertEquals(900, stats.minNanos());
        assertEquals(5000, stats.maxNanos());
        assertEquals(0.001624, stats.meanMillis(), 1e-15);
    }

    @Test
    void throughputFromMeanRunTime() {
        TimingStats stats = TimingStats.of(List.of(2_000_000L, 2_000_000L)); // 2 ms per run
        assertEquals(16_000.0, stats.perSecond(32), EPS); // 32 sentences per run
    }

    @Test
    void rejectsNoOrNegativeTimings() {
        assertThrows(IllegalArgumentException.class, () -> TimingStats.of(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> TimingStats.of(new long[] {5, -1}));
    }

    @Test
    void stageTimerWarmsUpThenTimesEachRun() {
        // Fake clock: each timed run takes 10, 20, 30 ns; warm-up runs are never on the clock.
        AtomicInteger calls = new AtomicInteger();
        long[] ticks = {0, 10, 100, 120, 200, 230};
        AtomicInteger tick = new AtomicInteger();
        StageTimer timer = new StageTimer(2, 3, () -> ticks[tick.getAndIncrement()]);
        TimingStats stats = timer.time(calls::incrementAndGet);
        assertEquals(5, calls.get());
        assertEquals(6, tick.get());
        assertEquals(3, stats.count());
        assertEquals(20.0, stats.meanNanos(), EPS);
        assertEquals(10, stats.minNanos());
        assertEquals(30, stats.maxNanos());
    }

    @Test
    void stageTimerOnTheRealClock() {
        TimingStats stats = new StageTimer(1, 5).time(() -> {
            double s = 0;
            for (int i = 0; i < 10_000; i++) {
                s += Math.sqrt(i);
            }
            return s;
        });
        assertEquals(5, stats.count());
        assertTrue(stats.minNanos() > 0 && stats.minNanos() <= stats.medianNanos() && stats.p99Nanos() <= stats.maxNanos());
    }

    @Test
    void stageTimerPassesFailuresOn() {
        StageTimer timer = new StageTimer(0, 1);
        assertThrows(IllegalStateException.class, () -> timer.time((Runnable) () -> {
            throw new IllegalStateException("boom");
        }));
        assertThrows(dev.crossbench.core.CrossbenchException.class, () -> timer.time(() -> {
            throw new java.io.IOException("disk");
        }));
        assertThrows(IllegalArgumentException.class, () -> new StageTimer(0, 0));
    }

    @Test
    void stopwatchMeasuresUntilStopped() {
        long[] now = {100};
        Stopwatch watch = Stopwatch.start(() -> now[0]);
        now[0] = 350;
        assertEquals(250, watch.elapsedNanos());
        assertTrue(watch.isRunning());
        now[0] = 1_500_100;
        assertEquals(1_500_000, watch.stop());
        now[0] = 9_999_999;
        assertEquals(1_500_000, watch.elapsedNanos());
        assertEquals(1.5, watch.elapsedMillis(), EPS);
        assertEquals(1_500_000, watch.elapsed().toNanos());
    }
}

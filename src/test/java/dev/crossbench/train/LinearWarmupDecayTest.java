package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Equal to transformers' {@code get_linear_schedule_with_warmup}: a LambdaLR whose factor at step s is
 * s / max(1, warmup) while s < warmup, then max(0, (total - s) / max(1, total - warmup)). transformers
 * counts s from 0 and calls scheduler.step() after optimizer.step(), so the first update (s = 0) uses
 * rate 0 when there is a warm-up. DJL counts updates from 1: our rate for update n is transformers' at
 * s = n - 1.
 */
class LinearWarmupDecayTest {
    private static final double PEAK = 2e-5;

    /** The transformers formula, in double. */
    private static double transformers(double peak, int s, int warmup, int total) {
        if (s < warmup) {
            return peak * s / Math.max(1, warmup);
        }
        return peak * Math.max(0.0, (double) (total - s) / Math.max(1, total - warmup));
    }

    private static void assertSchedule(int warmup, int total, int... steps) {
        LinearWarmupDecay schedule = new LinearWarmupDecay(PEAK, warmup, total);
        for (int s : steps) {
            double expected = transformers(PEAK, s, warmup, total);
            // float32 rate: equal to 1e-6 relative (a step off would differ by >= 1/total = 1%).
            assertEquals(expected, schedule.getNewValue(s + 1), expected * 1e-6 + 1e-15, "transformers step " + s);
        }
    }

    @Test
    void matchesTransformersAtTheNamedSteps() {
        int warmup = 10;
        int total = 100;
        assertSchedule(warmup, total, 0, 1, warmup - 1, warmup, warmup + 1, total - 1, total);
        LinearWarmupDecay schedule = new LinearWarmupDecay(PEAK, warmup, total);
        // The values themselves, so a change to both formula and test cannot pass unseen.
        assertEquals(0.0, schedule.getNewValue(1));
        assertEquals(2e-6, schedule.getNewValue(2), 1e-12);
        assertEquals(1.8e-5, schedule.getNewValue(warmup), 1e-11);
        assertEquals(PEAK, schedule.getNewValue(warmup + 1), 1e-11);
        assertEquals(PEAK * 89 / 90, schedule.getNewValue(warmup + 2), 1e-11);
        assertEquals(PEAK / 90, schedule.getNewValue(total), 1e-11);
        assertEquals(0.0, schedule.getNewValue(total + 1));
        assertEquals(0.0, schedule.getNewValue(total + 50), "past the end the rate stays 0, never negative");
    }

    @Test
    void everyStepOfOddSizedSchedules() {
        int[] all = new int[38];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        assertSchedule(7, 37, all);
        assertSchedule(1, 37, all);
    }

    @Test
    void withoutWarmupTheFirstUpdateUsesThePeak() {
        assertSchedule(0, 20, 0, 1, 19, 20);
        assertEquals(PEAK, new LinearWarmupDecay(PEAK, 0, 20).getNewValue(1), 1e-11);
    }
}

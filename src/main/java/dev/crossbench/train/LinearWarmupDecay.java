package dev.crossbench.train;

import ai.djl.training.tracker.Tracker;

/** Learning rate rising linearly over the warm-up steps, then falling linearly to 0 at the last step. */
public final class LinearWarmupDecay implements Tracker {
    private final double peak;
    private final int warmupSteps;
    private final int totalSteps;

    public LinearWarmupDecay(double peak, int warmupSteps, int totalSteps) {
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = Math.max(1, totalSteps);
    }

    /** @param step 1-based optimizer step (DJL counts updates from 1) */
    @Override
    public float getNewValue(int step) {
        int s = step - 1; // the rate used by the s-th update, as transformers' get_linear_schedule_with_warmup
        if (s < warmupSteps) {
            return (float) (peak * s / Math.max(1, warmupSteps));
        }
        return (float) (peak * Math.max(0.0, (double) (totalSteps - s) / Math.max(1, totalSteps - warmupSteps)));
    }
}

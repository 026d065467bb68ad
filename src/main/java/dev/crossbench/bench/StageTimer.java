package dev.crossbench.bench;

import dev.crossbench.core.CrossbenchException;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Times a stage of work: runs it {@code warmups} times untimed (JIT compilation, caches, lazy native
 * initialisation) and then {@code runs} times, timing each run separately.
 */
public final class StageTimer {
    private final int warmups;
    private final int runs;
    private final LongSupplier clock;
    /** Keeps each result reachable so the JIT cannot drop work whose value is unused. */
    private volatile Object sink;

    public StageTimer(int warmups, int runs) {
        this(warmups, runs, System::nanoTime);
    }

    /** @param clock a nanosecond clock; tests pass a fake one */
    StageTimer(int warmups, int runs, LongSupplier clock) {
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-up runs must be 0 or more, was " + warmups);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("timed runs must be at least 1, was " + runs);
        }
        this.warmups = warmups;
        this.runs = runs;
        this.clock = clock;
    }

    public TimingStats time(Runnable task) {
        return time(() -> {
            task.run();
            return null;
        });
    }

    /** Times a task that returns a value; a checked exception from it fails the timing with its cause. */
    public TimingStats time(Callable<?> task) {
        for (int i = 0; i < warmups; i++) {
            sink = call(task, "warm-up run " + (i + 1));
        }
        long[] durations = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = clock.getAsLong();
            Object result = call(task, "timed run " + (i + 1));
            durations[i] = clock.getAsLong() - start;
            sink = result;
        }
        return TimingStats.of(durations);
    }

    private static Object call(Callable<?> task, String which) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CrossbenchException("the timed stage failed on " + which + ": " + e.getMessage(), e);
        }
    }
}

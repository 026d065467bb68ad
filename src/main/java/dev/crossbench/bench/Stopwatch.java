package dev.crossbench.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Measures one stretch of real work, e.g. encoding a corpus once, on the monotonic nanosecond clock. */
public final class Stopwatch {
    private final LongSupplier clock;
    private final long startNanos;
    private long stopNanos = -1;

    private Stopwatch(LongSupplier clock) {
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    public static Stopwatch start() {
        return new Stopwatch(System::nanoTime);
    }

    /** A stopwatch on a given clock; tests pass a fake one. */
    static Stopwatch start(LongSupplier clock) {
        return new Stopwatch(clock);
    }

    /** Stops the watch (later calls keep the first stop) and returns the elapsed nanoseconds. */
    public long stop() {
        if (stopNanos < 0) {
            stopNanos = clock.getAsLong();
        }
        return elapsedNanos();
    }

    /** Time from start to stop, or to now while running. */
    public long elapsedNanos() {
        return (stopNanos < 0 ? clock.getAsLong() : stopNanos) - startNanos;
    }

    public double elapsedMillis() {
        return elapsedNanos() / 1e6;
    }

    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos());
    }

    public boolean isRunning() {
        return stopNanos < 0;
    }
}

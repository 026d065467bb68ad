package dev.crossbench.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall-clock and process CPU time (all threads) of one stretch of work. On a machine shared with other jobs the
 * wall time stretches with the load while the CPU time stays about the same, so both are reported.
 *
 * @param cpuNanos -1 when the JVM cannot tell its CPU time
 */
public record StageTime(long wallNanos, long cpuNanos) {
    public static final StageTime ZERO = new StageTime(0, 0);

    /** A stage under way: {@link #stop()} gives its time. */
    public static final class Mark {
        private final long wall = System.nanoTime();
        private final long cpu = processCpuNanos();

        public StageTime stop() {
            long c = processCpuNanos();
            return new StageTime(System.nanoTime() - wall, c < 0 || cpu < 0 ? -1 : c - cpu);
        }
    }

    public static Mark start() {
        return new Mark();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** NaN when unknown. */
    public double cpuSeconds() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e9;
    }

    /** CPU time of this process since it started, all threads, or -1. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}

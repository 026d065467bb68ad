package dev.crossbench.app.bench;

import dev.crossbench.bench.TimingStats;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.cross.CrossEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A cross-encoder's batched throughput: the same pairs scored {@code repeats} times after a
 * warm-up pass, summarised as pairs/s and real tokens/s over the median run.
 */
public final class PairScoringBenchmark {
    private static final int WARM_UP_PAIRS = 64;

    public record Measurement(String engine, int pairs, TimingStats runs, double pairsPerSecond, double tokensPerSecond) {}

    public Measurement measure(CrossEncoder encoder, List<String> first, List<String> second, int repeats, EncodeProgress progress,
            BooleanSupplier cancelled) {
        if (first.isEmpty()) {
            throw new IllegalArgumentException("no pairs to time");
        }
        int warm = Math.min(first.size(), WARM_UP_PAIRS);
        encoder.predict(first.subList(0, warm), second.subList(0, warm), EncodeProgress.NONE, cancelled);
        List<Long> nanos = new ArrayList<>();
        long tokens = 0;
        for (int r = 0; r < repeats; r++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("benchmark cancelled");
            }
            long t0 = System.nanoTime();
            encoder.predict(first, second, EncodeProgress.NONE, cancelled);
            nanos.add(System.nanoTime() - t0);
            tokens = encoder.lastTokens();
            progress.onProgress(r + 1, repeats);
        }
        TimingStats t = TimingStats.of(nanos);
        double sec = t.medianNanos() / 1e9;
        return new Measurement(encoder.scorer().description(), first.size(), t, first.size() / sec, tokens / sec);
    }
}

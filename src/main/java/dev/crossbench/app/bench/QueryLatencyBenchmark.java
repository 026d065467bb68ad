package dev.crossbench.app.bench;

import dev.crossbench.bench.TimingStats;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.encode.BiEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What one search query costs a bi-encoder: each text encoded on its own (a batch of one, with the
 * query prompt), timed individually after a short warm-up, summarised as median and p95 latency.
 */
public final class QueryLatencyBenchmark {
    private static final int WARM_UP = 3;

    public TimingStats measure(BiEncoder encoder, List<String> queries, EncodeProgress progress, BooleanSupplier cancelled) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no texts to time");
        }
        for (int i = 0; i < Math.min(WARM_UP, queries.size()); i++) {
            encoder.encode(List.of(queries.get(i)), encoder.options().queryPrompt(), EncodeProgress.NONE, cancelled);
        }
        List<Long> nanos = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("latency measurement cancelled after " + i + " of " + queries.size());
            }
            long t0 = System.nanoTime();
            encoder.encode(List.of(queries.get(i)), encoder.options().queryPrompt(), EncodeProgress.NONE, cancelled);
            nanos.add(System.nanoTime() - t0);
            progress.onProgress(i + 1, queries.size());
        }
        return TimingStats.of(nanos);
    }
}

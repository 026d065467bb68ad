package dev.crossbench.ui.task;

import dev.crossbench.app.EncodeBenchmark;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.QueryLatencyBenchmark;
import dev.crossbench.eval.TimingStats;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.ui.workspace.ModelSpec;
import dev.crossbench.ui.workspace.TimingRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Per model: batched encode throughput at each batch size ({@link EncodeBenchmark}, as the CLI's
 * bench encode) and one-query latency ({@link QueryLatencyBenchmark}).
 */
public final class TimingTask extends WorkbenchTask<List<TimingRow>> {
    /** Queries timed one by one for the latency figures. */
    public static final int LATENCY_QUERIES = 40;

    private final List<ModelSpec> specs;
    private final List<String> texts;
    private final List<Integer> batchSizes;
    private final int repeats;
    private final ModelService models;

    public TimingTask(List<ModelSpec> specs, List<String> texts, List<Integer> batchSizes, int repeats, ModelService models) {
        super("Measure timing of " + specs.size() + (specs.size() == 1 ? " model" : " models") + " on " + texts.size() + " texts");
        this.specs = List.copyOf(specs);
        this.texts = List.copyOf(texts);
        this.batchSizes = List.copyOf(batchSizes);
        this.repeats = repeats;
        this.models = models;
    }

    @Override
    protected List<TimingRow> call() {
        List<TimingRow> rows = new ArrayList<>();
        int steps = specs.size() * (batchSizes.size() + 1);
        int step = 0;
        EncodeBenchmark throughput = new EncodeBenchmark();
        for (ModelSpec spec : specs) {
            for (int batch : batchSizes) {
                updateMessage(spec.name() + ": " + texts.size() + " texts, batch " + batch);
                try (BiEncoder enc = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options().withBatchSize(batch))) {
                    EncodeBenchmark.Measurement m = throughput.measure(enc, texts, repeats, stepProgress(step++, steps), this::isCancelled);
                    rows.add(new TimingRow(spec.name(), enc.backend().description(), TimingRow.ENCODE, batch, texts.size(),
                            m.sentencesPerSecond(), m.tokensPerSecond(), null, null));
                }
            }
            updateMessage(spec.name() + ": one query at a time");
            List<String> queries = texts.subList(0, Math.min(LATENCY_QUERIES, texts.size()));
            try (BiEncoder enc = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options().withBatchSize(1))) {
                TimingStats t = new QueryLatencyBenchmark().measure(enc, queries, stepProgress(step++, steps), this::isCancelled);
                rows.add(new TimingRow(spec.name(), enc.backend().description(), TimingRow.QUERY, 1, queries.size(),
                        null, null, t.medianMillis(), t.p95Millis()));
            }
        }
        return rows;
    }
}

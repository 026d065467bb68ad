package dev.crossbench.ui.task;

import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.bench.EncodeBenchmark;
import dev.crossbench.app.bench.PairScoringBenchmark;
import dev.crossbench.app.bench.QueryLatencyBenchmark;
import dev.crossbench.app.bench.RerankCostBenchmark;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.PairDataset;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.hub.DownloadListener;
import dev.crossbench.ui.workspace.TimingRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Per bi-encoder: batched encode throughput at each batch size ({@link EncodeBenchmark}, as the
 * CLI's bench encode) and one-query latency ({@link QueryLatencyBenchmark}). Per cross-encoder:
 * pairs scored per second at each batch size ({@link PairScoringBenchmark}) and the time to
 * score one query's K candidates with its cost per candidate against a bi-encoder
 * ({@link RerankCostBenchmark}, as the CLI's bench score). The rows measured so far are handed on
 * after each model, so the table and charts fill in while the next model runs.
 */
public final class TimingTask extends WorkbenchTask<List<TimingRow>> {
    /** Queries timed one by one for the latency figures. */
    public static final int LATENCY_QUERIES = 40;
    /** The bi-encoder a cross-encoder's rerank cost is set against when none is ticked (bench score's --bi default). */
    public static final String RERANK_BASELINE = "all-MiniLM-L6-v2";

    /** What to time: the first {@code texts} sentences (or pairs) of the data, at each batch size and rerank depth. */
    public record Inputs(PairDataset data, int texts, List<Integer> batchSizes, int repeats, int[] rerankDepths) {
        public Inputs {
            batchSizes = List.copyOf(batchSizes);
            rerankDepths = rerankDepths.clone();
        }
    }

    private final List<ModelSpec> specs;
    private final Inputs in;
    private final List<String> texts;
    private final ModelService models;
    private final Consumer<List<TimingRow>> modelDone;
    private int step;
    private int steps;

    /** @param modelDone gets, on the FX thread, the rows of the models done so far after each but the last */
    public TimingTask(List<ModelSpec> specs, Inputs inputs, ModelService models, Consumer<List<TimingRow>> modelDone) {
        super(title(specs, inputs));
        this.specs = List.copyOf(specs);
        this.in = inputs;
        List<String> unique = inputs.data().uniqueSentences();
        this.texts = List.copyOf(unique.subList(0, Math.min(inputs.texts(), unique.size())));
        this.models = models;
        this.modelDone = modelDone;
    }

    private static String title(List<ModelSpec> specs, Inputs in) {
        return "Measure timing of " + specs.size() + (specs.size() == 1 ? " model" : " models") + " on "
                + Math.min(in.texts(), in.data().uniqueSentences().size()) + " texts";
    }

    @Override
    protected List<TimingRow> call() {
        List<TimingRow> rows = new ArrayList<>();
        for (ModelSpec s : specs) {
            steps += in.batchSizes().size() + (s.isCross() ? in.rerankDepths().length : 1);
        }
        for (int i = 0; i < specs.size(); i++) {
            ModelSpec spec = specs.get(i);
            if (spec.isCross()) {
                timeCrossEncoder(spec, rows);
            } else {
                timeBiEncoder(spec, rows);
            }
            if (i < specs.size() - 1) {
                handOn(modelDone, List.copyOf(rows));
            }
        }
        return rows;
    }

    private void timeBiEncoder(ModelSpec spec, List<TimingRow> rows) {
        EncodeBenchmark throughput = new EncodeBenchmark();
        for (int batch : in.batchSizes()) {
            updateMessage(spec.name() + ": " + texts.size() + " texts, batch " + batch);
            try (BiEncoder enc = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options().withBatchSize(batch))) {
                EncodeBenchmark.Measurement m = throughput.measure(enc, texts, in.repeats(), stepProgress(step++, steps), this::isCancelled);
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

    private void timeCrossEncoder(ModelSpec spec, List<TimingRow> rows) {
        PairDataset data = in.data();
        int n = Math.min(in.texts(), data.size());
        List<String> first = data.sentences1().subList(0, n);
        List<String> second = data.sentences2().subList(0, n);
        for (int batch : in.batchSizes()) {
            updateMessage(spec.name() + ": " + n + " pairs, batch " + batch);
            try (CrossEncoder ce = openCross(spec, batch)) {
                PairScoringBenchmark.Measurement m = new PairScoringBenchmark().measure(ce, first, second, in.repeats(),
                        stepProgress(step++, steps), this::isCancelled);
                rows.add(new TimingRow(spec.name(), m.engine(), TimingRow.SCORE_PAIRS, batch, n, m.pairsPerSecond(),
                        m.tokensPerSecond(), null, null));
            }
        }
        rerankCost(spec, rows);
    }

    /** As {@code crossbench bench score}: the first distinct text is the query, the others cycle as candidates. */
    private void rerankCost(ModelSpec spec, List<TimingRow> rows) {
        LinkedHashSet<String> set = new LinkedHashSet<>(in.data().sentences1());
        set.addAll(in.data().sentences2());
        List<String> distinct = new ArrayList<>(set);
        if (distinct.size() < 2) {
            return;
        }
        String query = distinct.get(0);
        List<String> pool = distinct.subList(1, distinct.size());
        ModelSpec bi = comparedBiEncoder();
        int batch = spec.options().batchSize();
        try (CrossEncoder ce = openCross(spec, batch);
                BiEncoder be = models.openBiEncoder(bi.descriptor(), bi.engine(), bi.options().withBatchSize(batch))) {
            for (int k : in.rerankDepths()) {
                if (isCancelled()) {
                    throw new CancellationException("timing cancelled");
                }
                updateMessage(spec.name() + ": one query's " + k + " candidates, against " + bi.name());
                RerankCostBenchmark.Depth d = new RerankCostBenchmark().run(ce, spec.descriptor().config(), be, query, pool,
                        new int[] {k}, in.repeats()).get(0);
                rows.add(new TimingRow(spec.name(), ce.scorer().description(), TimingRow.RERANK, batch, k, null, null,
                        d.crossMs(), null, d.crossOverBiEncode(), d.crossOverBiIndexed(), bi.name()));
                updateProgress(++step, steps);
            }
        }
    }

    /** The first ticked bi-encoder, else all-MiniLM-L6-v2 (the CLI's default for bench score --bi). */
    private ModelSpec comparedBiEncoder() {
        return specs.stream().filter(s -> !s.isCross()).findFirst().orElseGet(() -> {
            ModelDescriptor d = models.resolve(RERANK_BASELINE, DownloadListener.NONE);
            return new ModelSpec(d, EngineChoice.AUTO, d.defaults());
        });
    }

    private CrossEncoder openCross(ModelSpec spec, int batch) {
        return models.openCrossEncoder(spec.descriptor(), spec.engine(), batch, spec.activation(), spec.options().maxSeqLength());
    }
}

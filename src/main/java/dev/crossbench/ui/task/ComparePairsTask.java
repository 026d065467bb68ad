package dev.crossbench.ui.task;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.CorrelationIntervals;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.PairEvaluationService;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.Histogram;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores the pairs with each model through {@link PairEvaluationService} (the service the CLI's
 * eval-pairs uses, with --model or --cross, so the numbers are the same), then adds intervals,
 * line fits and histograms. A bi-encoder's score is the cosine of the embeddings, a
 * cross-encoder's the score it predicts for the pair. Each model's result is handed on as soon as
 * that model is done (a comparison of the models so far), so a long comparison shows its first
 * charts while the next model runs.
 */
public final class ComparePairsTask extends WorkbenchTask<PairComparison> {
    private final PairDataset data;
    private final List<ModelSpec> specs;
    private final ModelService models;
    private final PairEvaluationService evaluator = new PairEvaluationService();
    private final Consumer<PairComparison> modelDone;

    /** @param modelDone gets, on the FX thread, the comparison of the models done so far after each but the last */
    public ComparePairsTask(PairDataset data, List<ModelSpec> specs, ModelService models, Consumer<PairComparison> modelDone) {
        super("Compare " + specs.size() + (specs.size() == 1 ? " model" : " models") + " on " + data.name());
        this.data = data;
        this.specs = List.copyOf(specs);
        this.models = models;
        this.modelDone = modelDone;
    }

    @Override
    protected PairComparison call() {
        double[] gold = data.scores();
        List<ModelPairResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ModelSpec spec = specs.get(i);
            updateMessage("loading " + spec.name());
            BiEncoderPairResult r = spec.isCross() ? scoreWithCrossEncoder(spec, i) : scoreWithBiEncoder(spec, i);
            updateMessage("bootstrap intervals for " + spec.name());
            double[] predicted = r.correlations().main().predicted();
            results.add(new ModelPairResult(spec, r, CorrelationIntervals.of(gold, r.correlations().main()),
                    LinearFit.of(gold, predicted), Histogram.of(predicted, ModelPairResult.HISTOGRAM_BINS)));
            if (i < specs.size() - 1) {
                handOn(modelDone, PairComparison.of(data, List.copyOf(results)));
            }
        }
        return PairComparison.of(data, results);
    }

    private BiEncoderPairResult scoreWithBiEncoder(ModelSpec spec, int i) {
        try (BiEncoder encoder = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options())) {
            updateMessage("encoding " + data.uniqueSentences().size() + " sentences with " + spec.name());
            return evaluator.evaluate(data, encoder, stepProgress(i, specs.size()), this::isCancelled);
        }
    }

    private BiEncoderPairResult scoreWithCrossEncoder(ModelSpec spec, int i) {
        try (CrossEncoder encoder = models.openCrossEncoder(spec.descriptor(), spec.engine(), spec.options().batchSize(),
                spec.activation(), spec.options().maxSeqLength())) {
            updateMessage("scoring " + data.size() + " pairs with " + spec.name());
            return evaluator.evaluate(data, encoder, stepProgress(i, specs.size()), this::isCancelled);
        }
    }
}

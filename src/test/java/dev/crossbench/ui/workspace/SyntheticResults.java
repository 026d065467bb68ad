package dev.crossbench.ui.workspace;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.CorrelationIntervals;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.Histogram;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.eval.PairEvaluator;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelSource;
import dev.crossbench.model.PoolingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Comparison results without a model: 2-d "embeddings" at chosen angles give chosen cosines. */
public final class SyntheticResults {
    private SyntheticResults() {}

    public static PairDataset pairs(double... gold) {
        List<LabeledPair> pairs = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            pairs.add(new LabeledPair("first text " + i, "second text " + i, gold[i]));
        }
        return new PairDataset("synthetic", Path.of("synthetic.csv"), pairs);
    }

    /** A model whose cosine for pair i is {@code cosines[i]}. */
    public static ModelPairResult model(String name, PairDataset data, double... cosines) {
        float[][] a = new float[cosines.length][];
        float[][] b = new float[cosines.length][];
        for (int i = 0; i < cosines.length; i++) {
            double angle = Math.acos(cosines[i]);
            a[i] = new float[] {1, 0};
            b[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
        }
        double[] gold = data.scores();
        PairCorrelations c = PairEvaluator.evaluate(gold, a, b);
        EncodeOptions options = new EncodeOptions(PoolingMode.MEAN, true, 128, 32, "", "", "");
        ModelDescriptor d = new ModelDescriptor(name, ModelSource.LOCAL_FOLDER, "/models/" + name, Path.of("/models", name),
                BertConfig.miniLm(6), options, null, Path.of("/models", name, "model.onnx"), null, false, null);
        BiEncoderPairResult r = new BiEncoderPairResult(name, "bi-encoder", "test engine", c, 2 * cosines.length, 1.0,
                2.0 * cosines.length, null);
        double[] predicted = c.main().predicted();
        return new ModelPairResult(new ModelSpec(d, EngineChoice.ONNXRUNTIME, options), r, CorrelationIntervals.of(gold, c.main()),
                LinearFit.of(gold, predicted), Histogram.of(predicted, ModelPairResult.HISTOGRAM_BINS));
    }
}

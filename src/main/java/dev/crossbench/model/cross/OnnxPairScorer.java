package dev.crossbench.model.cross;

import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.engine.OnnxModelRunner;
import dev.crossbench.model.engine.OnnxRunnerModel;
import dev.crossbench.model.text.TokenBatch;
import java.nio.file.Path;
import java.util.Arrays;

/** An ONNX cross-encoder export whose first output is the logits [batch, num_labels]. */
public final class OnnxPairScorer extends OnnxRunnerModel implements PairScorer {
    private final int numLabels;

    public OnnxPairScorer(Path onnxFile, int numLabels) {
        this(onnxFile, numLabels, null);
    }

    /** {@code origin}: where the file comes from, for reports (e.g. "verified export of model.safetensors"), or null. */
    public OnnxPairScorer(Path onnxFile, int numLabels, String origin) {
        super(onnxFile, 0, origin);
        this.numLabels = numLabels;
    }

    @Override
    public float[] logits(TokenBatch b) {
        OnnxModelRunner.Output out = runner.run(b);
        if (out.shape().length != 2 || out.shape()[1] != numLabels) {
            throw new ModelLoadException(runner.file() + ": first output has shape " + Arrays.toString(out.shape())
                    + ", expected [batch, " + numLabels + "] logits");
        }
        return out.values();
    }

    @Override
    public int numLabels() {
        return numLabels;
    }
}

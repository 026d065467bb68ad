package dev.crossbench.model.engine;

import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.text.TokenBatch;
import java.nio.file.Path;
import java.util.Arrays;

/** An ONNX encoder (fp32 or int8) whose first output is the last hidden state [batch, seq, hidden]. */
public final class OnnxBackend extends OnnxRunnerModel implements TransformerBackend {
    private final int hiddenSize;

    public OnnxBackend(Path onnxFile, int hiddenSize, int threads) {
        this(onnxFile, hiddenSize, threads, null);
    }

    /** {@code origin}: where the file comes from, for reports (e.g. "verified export of model.safetensors"), or null. */
    public OnnxBackend(Path onnxFile, int hiddenSize, int threads, String origin) {
        super(onnxFile, threads, origin);
        this.hiddenSize = hiddenSize;
    }

    /** The ONNX file that runs. */
    public Path file() {
        return runner.file();
    }

    @Override
    public float[] lastHiddenState(TokenBatch b) {
        OnnxModelRunner.Output out = runner.run(b);
        long[] s = out.shape();
        if (s.length != 3 || s[2] != hiddenSize) {
            throw new ModelLoadException(runner.file() + ": first output has shape " + Arrays.toString(s)
                    + ", expected [batch, seq, " + hiddenSize + "] (last_hidden_state)");
        }
        return out.values();
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
    }
}

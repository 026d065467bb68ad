package dev.crossbench.model.engine;

import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.text.TokenBatch;
import java.nio.file.Path;
import java.util.Arrays;

/** An ONNX encoder (fp32 or int8) whose first output is the last hidden state [batch, seq, hidden]. */
public final class OnnxBackend implements TransformerBackend {
    private final OnnxModelRunner runner;
    private final int hiddenSize;

    public OnnxBackend(Path onnxFile, int hiddenSize, int threads) {
        this.runner = new OnnxModelRunner(onnxFile, threads);
        this.hiddenSize = hiddenSize;
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

    @Override
    public String description() {
        return OnnxModelRunner.description();
    }

    @Override
    public String engineName() {
        return "OnnxRuntime";
    }

    @Override
    public void close() {
        runner.close();
    }
}

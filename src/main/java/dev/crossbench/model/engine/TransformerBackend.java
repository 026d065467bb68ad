package dev.crossbench.model.engine;

import dev.crossbench.model.text.TokenBatch;

/**
 * One forward pass of a BERT-family encoder on some engine. Returns the last hidden state,
 * row-major [batch x seqLen x hiddenSize]; pooling is done by the caller, the same for every engine.
 */
public interface TransformerBackend extends AutoCloseable {

    float[] lastHiddenState(TokenBatch batch);

    int hiddenSize();

    /** "PyTorch", "OnnxRuntime", ... with the device, for reports. */
    String description();

    /** The DJL engine name ("PyTorch" or "OnnxRuntime"). */
    String engineName();

    @Override
    void close();
}

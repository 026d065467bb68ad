package dev.crossbench.model.cross;

import dev.crossbench.model.text.TokenBatch;

/** One forward pass of a cross-encoder on some engine: logits [batch x numLabels]. */
public interface PairScorer extends AutoCloseable {
    float[] logits(TokenBatch batch);

    int numLabels();

    String description();

    String engineName();

    @Override
    void close();
}

package dev.crossbench.model.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.crossbench.model.text.TokenBatch;

/** A token batch as the [input_ids, attention_mask, token_type_ids] arrays our blocks take. */
public final class TokenBatchArrays {
    private TokenBatchArrays() {}

    public static NDList of(NDManager manager, TokenBatch b) {
        Shape s = new Shape(b.batchSize(), b.seqLen());
        return new NDList(manager.create(b.ids(), s), manager.create(b.mask(), s), manager.create(b.typeIds(), s));
    }

    /**
     * The first output of an inference forward pass, copied to the heap. Runs in a sub-manager of
     * {@code parent} so every intermediate array is freed with the batch.
     */
    public static float[] forwardHead(Block block, ParameterStore store, NDManager parent, TokenBatch b) {
        try (NDManager sub = parent.newSubManager()) {
            return block.forward(store, of(sub, b), false).head().toFloatArray();
        }
    }
}

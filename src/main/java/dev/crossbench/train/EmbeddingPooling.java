package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.bert.BertModelBlock;

/** Differentiable pooling of a BERT body's token states over the real (unmasked) tokens; shared by the bi-encoder training blocks. */
final class EmbeddingPooling {
    private EmbeddingPooling() {}

    /** @param inputs ids, mask, token types of one batch of texts */
    static NDArray pooled(BertModelBlock body, PoolingMode pooling, ParameterStore ps, NDList inputs, boolean training) {
        NDArray hidden = body.forward(ps, inputs, training).head();
        NDArray mask = inputs.get(1).toType(hidden.getDataType(), false).expandDims(2);
        switch (pooling) {
            case CLS:
                return hidden.get(":, 0, :");
            case MAX:
                return hidden.add(mask.neg().add(1f).mul(-1e9f)).max(new int[] {1});
            default:
                return hidden.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f));
        }
    }
}

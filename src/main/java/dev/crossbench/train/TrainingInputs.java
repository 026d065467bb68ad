package dev.crossbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossbench.model.text.TokenBatch;

/** A padded token batch as the [ids, mask, types] NDList our BERT blocks take. */
final class TrainingInputs {
    private TrainingInputs() {}

    static NDList of(NDManager m, TokenBatch b) {
        Shape s = new Shape(b.batchSize(), b.seqLen());
        return new NDList(m.create(b.ids(), s), m.create(b.mask(), s), m.create(b.typeIds(), s));
    }
}

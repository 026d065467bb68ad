package dev.crossbench.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy over the candidates of one query: the batch holds groups of {@code groupSize}
 * consecutive (query, document) logits, the labels mark the relevant one(s) with 1. The loss is
 * -sum(label * log_softmax(group logits)), averaged over groups, so a reranker learns to put a query's
 * relevant document above that query's hard negatives rather than to know which documents are
 * relevant to anything (which pointwise BCE on pooled pairs rewards).
 */
public final class ListwiseSoftmaxLoss extends Loss {
    private final int groupSize;

    public ListwiseSoftmaxLoss(int groupSize) {
        super("ListwiseSoftmaxLoss");
        if (groupSize < 2) {
            throw new IllegalArgumentException("a group needs a relevant document and at least one negative, size " + groupSize);
        }
        this.groupSize = groupSize;
    }

    public int groupSize() {
        return groupSize;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow().reshape(new Shape(-1, groupSize));
        NDArray target = labels.singletonOrThrow().reshape(new Shape(-1, groupSize));
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
    }
}

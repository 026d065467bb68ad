package dev.crossbench.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * In-batch negatives for a bi-encoder (sentence-transformers' MultipleNegativesRankingLoss): anchor i's
 * positive is candidate i; every other candidate in the batch (the other anchors' positives, then any hard
 * negatives) is a negative. The loss is the cross-entropy of row i of {@code scale * cos(anchors, candidates)}
 * against column i, averaged over anchors. Predictions: the anchors' embeddings (B x d), then the candidates'
 * (N x d, N >= B, the B positives first). Labels are not read: the target is the diagonal.
 */
public final class MultipleNegativesRankingLoss extends Loss {
    /** sentence-transformers' default: cosines in [-1, 1] times 20 give the softmax enough range. */
    public static final float DEFAULT_SCALE = 20f;
    // F.normalize's floor for a zero vector's norm
    private static final float MIN_NORM = 1e-12f;

    private final float scale;

    public MultipleNegativesRankingLoss() {
        this(DEFAULT_SCALE);
    }

    public MultipleNegativesRankingLoss(float scale) {
        super("MultipleNegativesRankingLoss");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        this.scale = scale;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray anchors = unit(predictions.get(0));
        NDArray candidates = unit(predictions.get(1));
        long b = anchors.getShape().get(0);
        long n = candidates.getShape().get(0);
        if (n < b) {
            throw new IllegalArgumentException(b + " anchors but only " + n + " candidates: each anchor needs its positive");
        }
        NDArray scores = anchors.matMul(candidates.transpose()).mul(scale);
        NDArray diagonal = anchors.getManager().eye((int) b, (int) n, 0, DataType.FLOAT32);
        return scores.logSoftmax(1).mul(diagonal).sum(new int[] {1}).neg().mean();
    }

    private static NDArray unit(NDArray x) {
        return x.div(x.norm(new int[] {1}, true).maximum(MIN_NORM));
    }
}

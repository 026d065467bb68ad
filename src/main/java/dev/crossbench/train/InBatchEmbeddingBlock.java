package dev.crossbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.bert.BertModelBlock;

/**
 * Anchors and candidates through one shared BERT body, pooled: the training graph of
 * {@link dev.crossbench.train.loss.MultipleNegativesRankingLoss}, which compares every anchor with every
 * candidate of the batch. Input: ids, mask, types of the anchors, then of the candidates. Output: the
 * anchors' embeddings (B x d) and the candidates' (N x d).
 */
final class InBatchEmbeddingBlock extends PooledBodyBlock {

    InBatchEmbeddingBlock(BertModelBlock body, PoolingMode pooling) {
        super(body, pooling);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(pooled(ps, in, 0, training), pooled(ps, in, 3, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), -1), new Shape(inputShapes[3].get(0), -1)};
    }
}

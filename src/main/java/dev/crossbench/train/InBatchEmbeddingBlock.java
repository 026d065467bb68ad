package dev.crossbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
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
final class InBatchEmbeddingBlock extends AbstractBlock {
    private final BertModelBlock body;
    private final PoolingMode pooling;

    InBatchEmbeddingBlock(BertModelBlock body, PoolingMode pooling) {
        super((byte) 1);
        this.body = addChildBlock("bert", body);
        this.pooling = pooling;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(EmbeddingPooling.pooled(body, pooling, ps, new NDList(in.get(0), in.get(1), in.get(2)), training),
                EmbeddingPooling.pooled(body, pooling, ps, new NDList(in.get(3), in.get(4), in.get(5)), training));
    }

    /** All weights are set from checkpoints before use; nothing is initialised by DJL. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // weights come from BertWeights.load
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), -1), new Shape(inputShapes[3].get(0), -1)};
    }
}

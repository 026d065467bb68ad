package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.bert.BertModelBlock;

/**
 * Two texts through one shared BERT body, pooled, and compared by cosine: the training graph of
 * sentence-transformers' CosineSimilarityLoss. Input: ids, mask, types of side A then side B.
 * Output: cosine similarity per pair (batch).
 */
final class SiameseCosineBlock extends AbstractBlock {
    private final BertModelBlock body;
    private final PoolingMode pooling;

    SiameseCosineBlock(BertModelBlock body, PoolingMode pooling) {
        super((byte) 1);
        this.body = addChildBlock("bert", body);
        this.pooling = pooling;
    }

    BertModelBlock body() {
        return body;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray a = pooled(ps, new NDList(in.get(0), in.get(1), in.get(2)), training);
        NDArray b = pooled(ps, new NDList(in.get(3), in.get(4), in.get(5)), training);
        NDArray dot = a.mul(b).sum(new int[] {1});
        NDArray norms = a.norm(new int[] {1}).mul(b.norm(new int[] {1})).maximum(1e-8f);
        return new NDList(dot.div(norms));
    }

    private NDArray pooled(ParameterStore ps, NDList inputs, boolean training) {
        return EmbeddingPooling.pooled(body, pooling, ps, inputs, training);
    }

    /** All weights are set from checkpoints before use; nothing is initialised by DJL. */
    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType,
            Shape... inputShapes) {
        // weights come from BertWeights.load
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}

package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.bert.BertModelBlock;

/**
 * Two texts through one shared BERT body, pooled, and compared by cosine: the training graph of
 * sentence-transformers' CosineSimilarityLoss. Input: ids, mask, types of side A then side B.
 * Output: cosine similarity per pair (batch).
 */
final class SiameseCosineBlock extends PooledBodyBlock {

    SiameseCosineBlock(BertModelBlock body, PoolingMode pooling) {
        super(body, pooling);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray a = pooled(ps, in, 0, training);
        NDArray b = pooled(ps, in, 3, training);
        NDArray dot = a.mul(b).sum(new int[] {1});
        NDArray norms = a.norm(new int[] {1}).mul(b.norm(new int[] {1})).maximum(1e-8f);
        return new NDList(dot.div(norms));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}

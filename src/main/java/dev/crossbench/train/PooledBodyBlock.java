package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.bert.BertModelBlock;

/**
 * A bi-encoder's training graph: several texts through one shared BERT body (child "bert", so parameter names match
 * a BertModel's), each pooled to an embedding; subclasses compare the embeddings. Weights come from checkpoints.
 */
abstract class PooledBodyBlock extends AbstractBlock {
    private final BertModelBlock body;
    private final PoolingMode pooling;

    PooledBodyBlock(BertModelBlock body, PoolingMode pooling) {
        super((byte) 1);
        this.body = addChildBlock("bert", body);
        this.pooling = pooling;
    }

    BertModelBlock body() {
        return body;
    }

    /** The embeddings of the texts whose ids, mask and types are {@code in}'s entries {@code from..from+2}. */
    NDArray pooled(ParameterStore ps, NDList in, int from, boolean training) {
        return EmbeddingPooling.pooled(body, pooling, ps, new NDList(in.get(from), in.get(from + 1), in.get(from + 2)), training);
    }

    /** All weights are set from checkpoints before use; nothing is initialised by DJL. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // weights come from BertWeights.load
    }
}

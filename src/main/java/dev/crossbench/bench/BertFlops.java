package dev.crossbench.bench;

import dev.crossbench.model.BertConfig;

/**
 * Floating-point operations of one BERT encoder forward pass (multiply-add = 2 FLOPs). Counted:
 * the Q/K/V/output projections and the feed-forward layers (2·(4h² + 2hi) per token per layer)
 * and attention's two batched products QKᵀ and AV (2·2·s·h per token per layer, s the padded
 * length). Embeddings, LayerNorm, GELU, softmax and pooling are left out: together they are well
 * under 1% for these models.
 */
public final class BertFlops {
    private BertFlops() {}

    /** Per token, per forward, the dense part (independent of sequence length). */
    public static double linearFlopsPerToken(BertConfig c) {
        double h = c.hiddenSize();
        double i = c.intermediateSize();
        return c.numHiddenLayers() * 2.0 * (4 * h * h + 2 * h * i);
    }

    public static double flopsPerToken(BertConfig c, int seqLen) {
        return linearFlopsPerToken(c) + c.numHiddenLayers() * 4.0 * seqLen * c.hiddenSize();
    }

    public static double flopsForBatch(BertConfig c, int batch, int seqLen) {
        return (double) batch * seqLen * flopsPerToken(c, seqLen);
    }

    /**
     * FLOPs of a whole encode from its token counts: {@code paddedTokens} token slots processed
     * and {@code sumBatchSeqSquared} = Σ batch·seq² over its batches (for the attention part).
     */
    public static double flopsForRun(BertConfig c, long paddedTokens, long sumBatchSeqSquared) {
        return paddedTokens * linearFlopsPerToken(c) + c.numHiddenLayers() * 4.0 * c.hiddenSize() * sumBatchSeqSquared;
    }
}

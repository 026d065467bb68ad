package dev.crossbench.model;

/**
 * How a bi-encoder turns texts into vectors. Defaults come from the model (catalog entry or
 * sentence-transformers files); every field can be overridden by the user.
 */
public record EncodeOptions(PoolingMode pooling, boolean normalize, int maxSeqLength, int batchSize,
        String queryPrompt, String documentPrompt, String pairPrompt) {

    public EncodeOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (maxSeqLength < 2) {
            throw new IllegalArgumentException("max sequence length must be at least 2, got " + maxSeqLength);
        }
        queryPrompt = queryPrompt == null ? "" : queryPrompt;
        documentPrompt = documentPrompt == null ? "" : documentPrompt;
        pairPrompt = pairPrompt == null ? "" : pairPrompt;
    }

    public EncodeOptions withBatchSize(int b) {
        return new EncodeOptions(pooling, normalize, maxSeqLength, b, queryPrompt, documentPrompt, pairPrompt);
    }

    public EncodeOptions withMaxSeqLength(int m) {
        return new EncodeOptions(pooling, normalize, m, batchSize, queryPrompt, documentPrompt, pairPrompt);
    }

    public EncodeOptions withPooling(PoolingMode p) {
        return new EncodeOptions(p, normalize, maxSeqLength, batchSize, queryPrompt, documentPrompt, pairPrompt);
    }

    public EncodeOptions withNormalize(boolean n) {
        return new EncodeOptions(pooling, n, maxSeqLength, batchSize, queryPrompt, documentPrompt, pairPrompt);
    }

    public EncodeOptions withPrompts(String query, String document, String pair) {
        return new EncodeOptions(pooling, normalize, maxSeqLength, batchSize, query, document, pair);
    }
}

package dev.crossbench.model.encode;

/**
 * What one encode call did: texts, batches, real tokens and padded token slots processed,
 * and where the time went (tokenizing, the model's forward passes, pooling).
 */
public record EncodeStats(int texts, int batches, long realTokens, long paddedTokens, long sumSquaredSeq,
        long tokenizeNanos, long forwardNanos, long poolNanos) {

    public long totalNanos() {
        return tokenizeNanos + forwardNanos + poolNanos;
    }
}

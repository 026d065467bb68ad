package dev.crossbench.search;

import java.util.List;

/**
 * What one query got: the bi-encoder's top K and, with a reranker, the same K reordered by it; with
 * the time each stage took.
 */
public record TwoStageResult(String query, List<SearchHit> firstStage, List<SearchHit> reranked, long encodeNanos,
        long searchNanos, long rerankNanos) {

    public boolean isReranked() {
        return !reranked.isEmpty();
    }

    /** The final top n: reranked when there is a reranker, else the first stage. */
    public List<SearchHit> top(int n) {
        List<SearchHit> list = isReranked() ? reranked : firstStage;
        return list.subList(0, Math.min(n, list.size()));
    }

    public long totalNanos() {
        return encodeNanos + searchNanos + rerankNanos;
    }
}

package dev.crossbench.search;

/**
 * One document in a result list.
 *
 * @param firstStageRank 1-based rank by the bi-encoder
 * @param rerankScore the reranker's score, NaN when the document was not reranked
 * @param rank 1-based rank in the list this hit belongs to
 */
public record SearchHit(int row, String docId, float biScore, int firstStageRank, double rerankScore, int rank) {
    /** Positive when reranking moved the document up. */
    public int rankChange() {
        return firstStageRank - rank;
    }
}

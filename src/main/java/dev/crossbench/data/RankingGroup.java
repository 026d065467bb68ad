package dev.crossbench.data;

import java.util.List;

/**
 * One query with judged-relevant documents and non-relevant candidates (typically a bi-encoder's hard
 * negatives): the unit a reranker is trained and selected on when its loss compares the candidates of
 * the same query instead of scoring pairs one by one.
 */
public record RankingGroup(String queryId, String query, List<String> positives, List<String> negatives) {
    public RankingGroup {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }
}

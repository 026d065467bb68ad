package dev.crossbench.search;

import dev.crossbench.data.Corpus;
import dev.crossbench.index.Neighbor;
import dev.crossbench.index.VectorIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Query -> bi-encoder top K -> reranker over those K -> best first. Each stage is timed on its own
 * (query encoding, index search, reranking), one query at a time, as a user's search would run.
 */
public final class TwoStageSearch {
    private final QueryEncoder encoder;
    private final VectorIndex index;
    private final Corpus corpus;
    private final List<String> documentTexts;
    private final Reranker reranker;

    /**
     * @param documentTexts row i is the text of corpus document i as the models read it
     * @param reranker the second stage, or null for the bi-encoder alone
     */
    public TwoStageSearch(QueryEncoder encoder, VectorIndex index, Corpus corpus, List<String> documentTexts, Reranker reranker) {
        if (documentTexts.size() != corpus.size() || index.size() != corpus.size()) {
            throw new IllegalArgumentException("corpus of " + corpus.size() + " documents, " + documentTexts.size()
                    + " texts and an index of " + index.size() + " rows");
        }
        this.encoder = encoder;
        this.index = index;
        this.corpus = corpus;
        this.documentTexts = documentTexts;
        this.reranker = reranker;
    }

    public boolean hasReranker() {
        return reranker != null;
    }

    /**
     * @param k how many candidates the first stage returns (and the reranker reads); clamped to the corpus
     * @param excludeId a document id dropped from the candidates (BEIR drops the query's own id), or null
     */
    public TwoStageResult search(String query, int k, String excludeId) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1, got " + k);
        }
        long t0 = System.nanoTime();
        float[] vector = encoder.encode(query);
        long t1 = System.nanoTime();
        List<SearchHit> first = firstStage(vector, Math.min(k, corpus.size()), excludeId);
        long t2 = System.nanoTime();
        List<SearchHit> reranked = reranker == null ? List.of() : rerank(query, first);
        long t3 = System.nanoTime();
        return new TwoStageResult(query, first, reranked, t1 - t0, t2 - t1, t3 - t2);
    }

    /** The top k rows for a query vector as hits, the excluded id dropped (one extra row is fetched for it). */
    public List<SearchHit> firstStage(float[] queryVector, int k, String excludeId) {
        boolean mayExclude = excludeId != null && corpus.contains(excludeId);
        List<Neighbor> found = index.search(queryVector, mayExclude ? k + 1 : k);
        List<SearchHit> hits = new ArrayList<>(k);
        for (Neighbor n : found) {
            String id = corpus.get(n.row()).id();
            if (hits.size() == k || id.equals(excludeId)) {
                continue;
            }
            hits.add(new SearchHit(n.row(), id, n.score(), hits.size() + 1, Double.NaN, hits.size() + 1));
        }
        return hits;
    }

    /** The candidates scored by the reranker and reordered: score descending, ties by document id descending (as trec_eval). */
    public List<SearchHit> rerank(String query, List<SearchHit> candidates) {
        if (reranker == null) {
            throw new IllegalStateException("no reranker");
        }
        List<String> texts = candidates.stream().map(h -> documentTexts.get(h.row())).toList();
        double[] scores = reranker.score(query, texts);
        return order(candidates, scores);
    }

    /** Candidates with their rerank scores, best first, ranks renumbered. */
    public static List<SearchHit> order(List<SearchHit> candidates, double[] scores) {
        if (scores.length != candidates.size()) {
            throw new IllegalStateException("the reranker returned " + scores.length + " scores for " + candidates.size() + " documents");
        }
        List<SearchHit> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < scores.length; i++) {
            SearchHit h = candidates.get(i);
            scored.add(new SearchHit(h.row(), h.docId(), h.biScore(), h.firstStageRank(), scores[i], 0));
        }
        scored.sort(Comparator.comparingDouble(SearchHit::rerankScore).reversed()
                .thenComparing(SearchHit::docId, Comparator.reverseOrder()));
        List<SearchHit> out = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            SearchHit h = scored.get(i);
            out.add(new SearchHit(h.row(), h.docId(), h.biScore(), h.firstStageRank(), h.rerankScore(), i + 1));
        }
        return out;
    }

    public String documentText(int row) {
        return documentTexts.get(row);
    }
}

package dev.crossbench.search;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.Query;
import dev.crossbench.index.Neighbor;
import dev.crossbench.index.VectorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training pairs for a reranker from relevance judgements: every judged-relevant document of a query is
 * a positive; negatives are the bi-encoder's best-scoring documents that are not judged relevant, the
 * "hard" ones a reranker must learn to push down. The first {@code skipTop} candidates may be skipped
 * because unjudged documents at the very top are often relevant too (false negatives).
 */
public final class HardNegativeMiner {
    /**
     * @param depth how many bi-encoder candidates to look through per query
     * @param negativesPerQuery how many negatives to keep per query, best-scoring first
     * @param skipTop how many non-relevant top candidates to pass over before taking negatives
     */
    public record Options(int depth, int negativesPerQuery, int skipTop) {
        public static final Options DEFAULTS = new Options(30, 4, 0);

        public Options {
            if (depth < 1 || negativesPerQuery < 0 || skipTop < 0) {
                throw new IllegalArgumentException("depth must be >= 1, negatives and skip >= 0: " + depth + ", "
                        + negativesPerQuery + ", " + skipTop);
            }
        }
    }

    /** The pairs and how many queries had no relevant document in the corpus (they give no pairs). */
    public record Mined(List<TrainingPair> pairs, int queries, int positives, int negatives, int queriesWithoutPositive) {}

    private HardNegativeMiner() {}

    /**
     * @param queryVectors row q is the query vector of {@code queries.get(q)}
     * @param documentTexts row i is corpus document i as the reranker will read it
     */
    public static Mined mine(List<Query> queries, float[][] queryVectors, Qrels qrels, VectorIndex index, Corpus corpus,
            List<String> documentTexts, Options options) {
        List<TrainingPair> pairs = new ArrayList<>();
        int positives = 0;
        int negatives = 0;
        int withoutPositive = 0;
        for (int q = 0; q < queries.size(); q++) {
            Query query = queries.get(q);
            Map<String, Integer> judged = qrels.judgements(query.id());
            List<TrainingPair> pos = new ArrayList<>();
            for (Map.Entry<String, Integer> e : judged.entrySet()) {
                if (Qrels.isRelevant(e.getValue()) && corpus.contains(e.getKey())) {
                    int row = corpus.row(e.getKey()).orElseThrow();
                    pos.add(new TrainingPair(query.id(), e.getKey(), query.text(), documentTexts.get(row), 1));
                }
            }
            if (pos.isEmpty()) {
                withoutPositive++;
                continue;
            }
            pairs.addAll(pos);
            positives += pos.size();
            int skipped = 0;
            int taken = 0;
            for (Neighbor n : index.search(queryVectors[q], Math.min(options.depth(), corpus.size()))) {
                String id = corpus.get(n.row()).id();
                if (taken == options.negativesPerQuery()) {
                    break;
                }
                if (Qrels.isRelevant(judged.getOrDefault(id, 0)) || id.equals(query.id())) {
                    continue;
                }
                if (skipped < options.skipTop()) {
                    skipped++;
                    continue;
                }
                pairs.add(new TrainingPair(query.id(), id, query.text(), documentTexts.get(n.row()), 0));
                taken++;
            }
            negatives += taken;
        }
        return new Mined(pairs, queries.size(), positives, negatives, withoutPositive);
    }
}

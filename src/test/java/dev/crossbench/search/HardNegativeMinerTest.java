package dev.crossbench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Document;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.Query;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.ExactIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardNegativeMinerTest {
    // Document i has score 1 - i/10 against the query vector (1, 0): d0 is the best match.
    private final float[][] vectors = {{1f, 0f}, {0.9f, 0.1f}, {0.8f, 0.2f}, {0.7f, 0.3f}, {0.6f, 0.4f}, {0.5f, 0.5f}};
    private final Corpus corpus = new Corpus(null, List.of(new Document("d0", "", "zero"), new Document("d1", "", "one"),
            new Document("d2", "", "two"), new Document("d3", "", "three"), new Document("d4", "", "four"),
            new Document("d5", "", "five")));
    private final ExactIndex index = new ExactIndex(EmbeddingMatrix.of(vectors));

    @Test
    void positivesFromJudgementsNegativesFromTheTopMinusRelevant() {
        Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
        q.put("q1", Map.of("d1", 2, "d0", 0, "missing", 1));
        q.put("q2", Map.of("d3", 0));
        List<Query> queries = List.of(new Query("q1", "first"), new Query("q2", "second"));
        float[][] qv = {{1f, 0f}, {1f, 0f}};
        List<String> texts = corpus.texts(dev.crossbench.data.DocumentFormat.TEXT_ONLY);

        HardNegativeMiner.Mined m = HardNegativeMiner.mine(queries, qv, new Qrels(null, q), index, corpus, texts,
                new HardNegativeMiner.Options(4, 2, 0));
        // q1: positive d1 (the unknown "missing" is skipped); negatives: d0 (judged 0 is a true negative), d2.
        assertEquals(List.of(new TrainingPair("q1", "d1", "first", "one", 1), new TrainingPair("q1", "d0", "first", "zero", 0),
                new TrainingPair("q1", "d2", "first", "two", 0)), m.pairs());
        assertEquals(1, m.positives());
        assertEquals(2, m.negatives());
        assertEquals(1, m.queriesWithoutPositive(), "q2 has no relevant document");

        HardNegativeMiner.Mined skipping = HardNegativeMiner.mine(queries, qv, new Qrels(null, q), index, corpus, texts,
                new HardNegativeMiner.Options(6, 2, 1));
        assertEquals(List.of("d1", "d2", "d3"), skipping.pairs().stream().map(TrainingPair::docId).toList());
        assertEquals(1.0, skipping.pairs().get(0).toLabeledPair().score());
    }
}

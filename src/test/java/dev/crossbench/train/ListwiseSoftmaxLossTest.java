package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.train.loss.ListwiseSoftmaxLoss;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListwiseSoftmaxLossTest {
    @Test
    void lossIsTheSoftmaxCrossEntropyOfEachGroupAveraged() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // two groups of three: relevant first in the first, second in the second
            NDList logits = new NDList(m.create(new float[] {2, 1, 0, 0.5f, 3, -1}, new Shape(6, 1)));
            NDList labels = new NDList(m.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(6, 1)));
            double g1 = Math.log(Math.exp(2) + Math.exp(1) + 1) - 2;
            double g2 = Math.log(Math.exp(0.5) + Math.exp(3) + Math.exp(-1)) - 3;
            float loss = new ListwiseSoftmaxLoss(3).evaluate(labels, logits).getFloat();
            assertEquals((g1 + g2) / 2, loss, 1e-6);
            // equal logits: log(group size), what an untrained head starts near
            NDList flat = new NDList(m.zeros(new Shape(8, 1)));
            NDList firstRelevant = new NDList(m.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0}, new Shape(8, 1)));
            assertEquals(Math.log(4), new ListwiseSoftmaxLoss(4).evaluate(firstRelevant, flat).getFloat(), 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> new ListwiseSoftmaxLoss(1));
    }

    @Test
    void batchesHoldOneRelevantDocumentAndFreshNegativesOfTheSameQuery() {
        List<RankingGroup> groups = List.of(
                new RankingGroup("a", "qa", List.of("a+1", "a+2"), List.of("a-1", "a-2", "a-3", "a-4", "a-5")),
                new RankingGroup("b", "qb", List.of("b+1"), List.of("b-1")),
                new RankingGroup("c", "qc", List.of("c+1"), List.of()));
        RankingBatches batches = new RankingBatches(groups, 3, 2, 42);
        assertEquals(3, batches.groupsPerEpoch(), "one group per relevant document of a query with negatives");
        assertEquals(2, batches.batchesPerEpoch());
        List<PairTrainer.Batch> epoch1 = batches.batches(1);
        assertEquals(2, epoch1.size());
        int groupsSeen = 0;
        for (PairTrainer.Batch b : epoch1) {
            assertEquals(0, b.pairs().size() % 4);
            for (int g = 0; g < b.pairs().size(); g += 4) {
                LabeledPair relevant = b.pairs().get(g);
                assertEquals(1.0, b.labels()[g]);
                String q = relevant.sentence1().substring(1);
                assertTrue(relevant.sentence2().startsWith(q + "+"), relevant.sentence2());
                Set<String> distinct = new HashSet<>();
                for (int i = g + 1; i < g + 4; i++) {
                    assertEquals(0.0, b.labels()[i]);
                    assertEquals(relevant.sentence1(), b.pairs().get(i).sentence1());
                    assertTrue(b.pairs().get(i).sentence2().startsWith(q + "-"), b.pairs().get(i).sentence2());
                    distinct.add(b.pairs().get(i).sentence2());
                }
                // five negatives to draw from: three distinct; one negative only: repeated
                assertEquals(q.equals("a") ? 3 : 1, distinct.size());
                groupsSeen++;
            }
        }
        assertEquals(3, groupsSeen);
        assertEquals(texts(epoch1), texts(new RankingBatches(groups, 3, 2, 42).batches(1)), "same seed, same batches");
        assertNotEquals(texts(epoch1), texts(batches.batches(2)), "each epoch draws again");
    }

    private static List<String> texts(List<PairTrainer.Batch> batches) {
        return batches.stream().flatMap(b -> b.pairs().stream()).map(LabeledPair::sentence2).toList();
    }
}

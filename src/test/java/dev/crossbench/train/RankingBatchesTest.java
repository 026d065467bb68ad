package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingBatchesTest {
    /** In-batch negatives need no hard ones: every relevant document is an example, queries without negatives included. */
    @Test
    void withoutHardNegativesEveryRelevantDocumentIsAGroupOfOne() {
        List<RankingGroup> groups = List.of(
                new RankingGroup("a", "qa", List.of("a+1", "a+2"), List.of("a-1")),
                new RankingGroup("c", "qc", List.of("c+1"), List.of()));
        RankingBatches batches = new RankingBatches(groups, 0, 2, 42);
        assertEquals(3, batches.groupsPerEpoch());
        assertEquals(1, batches.groupSize());
        assertEquals(2, batches.batchesPerEpoch());
        List<String> seen = batches.batches(1).stream().flatMap(b -> b.pairs().stream()).map(LabeledPair::sentence2).sorted().toList();
        assertEquals(List.of("a+1", "a+2", "c+1"), seen);
        // with one hard negative the query without negatives drops out, as for listwise training
        assertEquals(2, new RankingBatches(groups, 1, 2, 42).groupsPerEpoch());
    }
}

package dev.crossbench.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.index.Neighbor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identical texts, candidate pairs from neighbour lists, the cluster rule and the gold counts, on hand-made input. */
class DedupAlgorithmsTest {
    // rows:                                    0    1    2    3    4    5    6
    private static final List<String> TEXTS = List.of("a", "b", "a", "c", "d", "a", "e");

    @Test
    void identicalTextsFormOneGroupEach() {
        TextGroups g = TextGroups.of(TEXTS);
        assertEquals(7, g.rows());
        assertEquals(5, g.groups());
        assertEquals(2, g.copies());
        assertEquals(1, g.repeatedTexts());
        assertArrayEquals(new int[] {0, 2, 5}, g.rowsOf(0));
        assertEquals(0, g.groupOf(5));
        assertEquals(3, g.identicalPairs()); // (0,2), (0,5), (2,5)
        assertEquals(3, g.firstRow(g.groupOf(3)));
    }

    @Test
    void candidatePairsAreUnorderedOnceAboveTheMinimumWithinTopK() {
        List<List<Neighbor>> nb = List.of(
                List.of(new Neighbor(1, 0.95f), new Neighbor(2, 0.90f), new Neighbor(3, 0.60f)),
                List.of(new Neighbor(0, 0.95f), new Neighbor(2, 0.80f)),
                List.of(new Neighbor(0, 0.90f)),
                List.of());
        List<CandidatePair> pairs = CandidateSearch.pairs(nb, 2, 0.7f);
        // (0,1) found from both sides counts once; (0,3) is under the minimum; row 1's second neighbour (2) is within k=2.
        assertEquals(List.of(new CandidatePair(0, 1, 0.95f), new CandidatePair(0, 2, 0.90f), new CandidatePair(1, 2, 0.80f)), pairs);
        assertEquals(List.of(new CandidatePair(0, 1, 0.95f), new CandidatePair(0, 2, 0.90f)), CandidateSearch.pairs(nb, 1, 0.7f));
        assertEquals(List.of(new Neighbor(2, 0.5f)), CandidateSearch.withoutRow(List.of(new Neighbor(7, 1f), new Neighbor(2, 0.5f)), 7, 5));
    }

    @Test
    void clustersAreConnectedComponentsOverRowsWithCopiesJoined() {
        TextGroups g = TextGroups.of(TEXTS); // groups: a=0 (rows 0,2,5), b=1, c=2, d=3, e=4
        // b~c and c~d chain into one cluster although b~d was never accepted; "a" is a cluster of copies alone.
        Clusters c = Clusters.of(g, List.of(new CandidatePair(1, 2, 0.9f), new CandidatePair(2, 3, 0.87f)));
        assertEquals(2, c.list().size());
        assertArrayEquals(new int[] {0, 2, 5}, c.list().get(0).rows()); // ties on size: lower first row first
        assertEquals(0, c.list().get(0).pairs());
        assertArrayEquals(new int[] {1, 3, 4}, c.list().get(1).rows());
        assertEquals(2, c.list().get(1).pairs());
        assertEquals(0.87f, c.list().get(1).minBiScore());
        assertEquals(-1, c.clusterOf(6));
        assertEquals(6, c.clusteredRows());
        assertEquals(6, c.rowPairs());
        // Accepting a~e merges e into the copies' cluster, which becomes the largest.
        Clusters c2 = Clusters.of(g, List.of(new CandidatePair(0, 4, 0.86f)));
        assertArrayEquals(new int[] {0, 2, 5, 6}, c2.list().get(0).rows());
        assertEquals(4, c2.largest());
    }

    @Test
    void goldCountsOverRowPairsWithIdenticalTextsFound() {
        TextGroups g = TextGroups.of(TEXTS);
        // Gold: rows 2~5 (identical text: found without a comparison), 1~3 (b~c), 4~6 (d~e), and 3~1 again.
        GoldDuplicates gold = GoldDuplicates.of(List.of(new int[] {2, 5}, new int[] {1, 3}, new int[] {4, 6}, new int[] {3, 1},
                new int[] {4, 4}), List.of(new int[] {2, 5}, new int[] {1, 3}, new int[] {4, 6}, new int[] {0, 1}, new int[] {1, 4}));
        assertEquals(3, gold.size());
        List<CandidatePair> accepted = List.of(new CandidatePair(1, 2, 0.9f), new CandidatePair(2, 3, 0.87f));
        PairCounts p = gold.pairs(g, accepted);
        // Claimed: 3 identical pairs + b~c (1 x 1) + c~d (1 x 1) = 5; true: 2~5 and 1~3.
        assertEquals(new PairCounts(5, 3, 2, 2), p);
        assertEquals(0.4, p.precision(), 1e-12);
        assertEquals(2.0 / 3, p.recall(), 1e-12);
        assertEquals(0.5, p.f1(), 1e-12);
        assertEquals(1.0, p.judgedPrecision(), 1e-12); // both judged claims are duplicates; 1~4 (b~d) is judged but not claimed
        // Clusters claim b~d too (transitively): 3 + 3 row pairs; 1~4 is judged, not a duplicate.
        PairCounts c = gold.clusters(Clusters.of(g, accepted));
        assertEquals(new PairCounts(6, 3, 2, 3), c);
        assertEquals(2, gold.reachable(g, accepted));
    }

    @Test
    void undefinedRatiosAreNaN() {
        PairCounts none = new PairCounts(0, 0, 0, -1);
        assertTrue(Double.isNaN(none.precision()) && Double.isNaN(none.recall()) && Double.isNaN(none.f1()));
        assertTrue(Double.isNaN(none.judgedPrecision()));
        assertEquals(0.0, new PairCounts(4, 2, 0, 0).f1());
    }

    @Test
    void ruleRangesAreChecked() {
        assertEquals("threshold 1.5 is outside the cosine similarity range [-1, 1]",
                assertThrows(IllegalArgumentException.class, () -> AcceptRule.biOnly(1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AcceptRule.biOnly(Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AcceptRule(0.8, -0.1)).getMessage()
                .contains("cross threshold -0.1 is outside"));
        AcceptRule r = new AcceptRule(0.8, 0.5);
        assertTrue(r.accepts(new CandidatePair(0, 1, 0.8f, 0.5)));
        assertTrue(!r.accepts(new CandidatePair(0, 1, 0.9f, 0.49)));
        assertThrows(IllegalStateException.class, () -> r.accepts(new CandidatePair(0, 1, 0.9f)));
    }
}

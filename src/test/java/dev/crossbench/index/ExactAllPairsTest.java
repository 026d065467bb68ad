package dev.crossbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.model.EncodeProgress;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Brute force by blocked matrix products against a plain double loop, across tile borders; and the HNSW path of
 * deduplication against it: planted near-duplicates found while comparing far fewer pairs (build included).
 */
class ExactAllPairsTest {
    /** Random unit vectors; every {@code every}-th row gets a close copy (noise 0.05) at row + 1. */
    static EmbeddingMatrix vectors(int n, int d, int every, long seed) {
        Random rnd = new Random(seed);
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = i % every == 1 ? data[(i - 1) * d + j] + (float) rnd.nextGaussian() * 0.05f
                        : (float) rnd.nextGaussian();
            }
        }
        return new EmbeddingMatrix(n, d, data).normalized();
    }

    @Test
    void matchesAPlainLoopAcrossTiles() {
        int n = ExactAllPairs.BLOCK + 300; // two tile rows: the diagonal tiles and one off-diagonal tile
        EmbeddingMatrix m = vectors(n, 24, 7, 1);
        int k = 3;
        float min = 0.5f;
        ExactAllPairs.Result r = ExactAllPairs.topK(m, k, min, EncodeProgress.NONE, () -> false);
        assertEquals((long) n * (n - 1) / 2, r.comparisons());
        for (int i = 0; i < n; i += 97) {
            TopK top = new TopK(k);
            for (int j = 0; j < n; j++) {
                float s = VectorMath.dot(m.data(), i * 24, m.data(), j * 24, 24);
                if (j != i && s >= min) {
                    top.offer(j, s);
                }
            }
            List<Neighbor> expected = top.sorted();
            List<Neighbor> got = r.neighbors().get(i);
            assertEquals(expected.size(), got.size(), "row " + i);
            for (int x = 0; x < got.size(); x++) {
                assertEquals(expected.get(x).row(), got.get(x).row(), "row " + i);
                assertEquals(expected.get(x).score(), got.get(x).score(), 1e-5, "row " + i);
            }
        }
    }

    @Test
    void hnswFindsThePlantedPairsWithFarFewerComparisons() {
        int n = 6_000;
        EmbeddingMatrix m = vectors(n, 8, 10, 2); // 600 planted pairs (10i, 10i+1), cosine about 0.99
        CandidateSearch.Candidates exact = CandidateSearch.exact(m, 5, 0.95f, EncodeProgress.NONE, () -> false);
        CandidateSearch.Candidates hnsw = CandidateSearch.hnsw(m, new HnswParams(8, 40, 16), 5, 0.95f, 2, (d, t) -> 0,
                EncodeProgress.NONE, () -> false);
        long all = ExactAllPairs.pairs(n);
        assertEquals(all, exact.comparisons());
        assertTrue(hnsw.comparisons() > 0 && hnsw.comparisons() < all / 2, hnsw.comparisons() + " of " + all);
        Set<Long> found = new HashSet<>();
        hnsw.pairs().forEach(p -> found.add(p.key()));
        long planted = 0;
        for (int i = 0; i + 1 < n; i += 10) {
            planted += found.contains(CandidatePair.key(i, i + 1)) ? 1 : 0;
        }
        assertTrue(planted >= 594, planted + " of 600 planted pairs found");
        Set<Long> exactKeys = new HashSet<>();
        exact.pairs().forEach(p -> exactKeys.add(p.key()));
        assertTrue(exactKeys.containsAll(found), "HNSW found nothing exact search missed");
        assertTrue(exact.pairs().size() >= 600);
        System.out.printf("HNSW: %d comparisons of %d, %d candidates (exact %d), planted %d/600, exact %.2f s, build %.2f s, search %.2f s%n", hnsw.comparisons(), all,
                hnsw.pairs().size(), exact.pairs().size(), planted, exact.search().wallSeconds(), hnsw.index().wallSeconds(), hnsw.search().wallSeconds());
    }
}

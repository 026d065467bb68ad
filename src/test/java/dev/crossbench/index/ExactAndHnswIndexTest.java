package dev.crossbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactAndHnswIndexTest {
    @TempDir
    Path dir;

    /** Unit vectors around a few cluster centres, like text embeddings that share topics. */
    static EmbeddingMatrix clustered(int rows, int d, long seed) {
        Random r = new Random(seed);
        float[][] centres = new float[20][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) r.nextGaussian();
            }
        }
        float[] data = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            float[] c = centres[r.nextInt(centres.length)];
            for (int j = 0; j < d; j++) {
                data[i * d + j] = c[j] + 0.7f * (float) r.nextGaussian();
            }
            VectorMath.normalize(data, i * d, d);
        }
        return new EmbeddingMatrix(rows, d, data);
    }

    @Test
    void exactIndexReturnsTheTopKOfAFullSort() {
        EmbeddingMatrix m = clustered(3000, 48, 1);
        ExactIndex exact = new ExactIndex(m);
        float[] q = m.row(17);
        List<Neighbor> top = exact.search(q, 25);
        List<Integer> sorted = IntStream.range(0, m.rows()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -m.dot(i, q)).thenComparingInt(i -> i)).limit(25).toList();
        assertEquals(sorted, top.stream().map(Neighbor::row).toList());
        assertEquals(17, top.get(0).row());
        assertEquals(1.0, top.get(0).score(), 1e-5);
        // k beyond the corpus gives the whole corpus, best first.
        assertEquals(3000, exact.search(q, 10_000).size());
    }

    @Test
    void dotMatchesASimpleLoop() {
        Random r = new Random(3);
        for (int n : new int[] {1, 7, 8, 9, 384, 385}) {
            float[] a = new float[n];
            float[] b = new float[n];
            double want = 0;
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextGaussian();
                b[i] = (float) r.nextGaussian();
                want += (double) a[i] * b[i];
            }
            assertEquals(want, VectorMath.dot(a, b), 1e-4 * Math.sqrt(n));
        }
    }

    @Test
    void hnswRecallAgainstExactIsHighAndTheGraphRoundTripsThroughItsFile() throws IOException {
        EmbeddingMatrix m = clustered(4000, 48, 2);
        ExactIndex exact = new ExactIndex(m);
        float[][] queries = new float[100][];
        EmbeddingMatrix qs = clustered(100, 48, 99);
        for (int i = 0; i < 100; i++) {
            queries[i] = qs.row(i);
        }
        HnswIndex hnsw = HnswIndex.build(m, new HnswParams(16, 200, 200), 1, (a, b) -> 0, () -> false);
        double recall = IndexRecall.recallAtK(hnsw.searchAll(queries, 10), exact.searchAll(queries, 10), 10);
        assertTrue(recall >= 0.97, "recall@10 " + recall);
        hnsw.setEf(1);
        double low = IndexRecall.recallAtK(hnsw.searchAll(queries, 10), exact.searchAll(queries, 10), 10);
        assertTrue(low <= recall, "ef=1 is not better than ef=200: " + low);

        // Persisted beside the embeddings; a damaged file is rebuilt, never deserialised.
        StoredEmbeddings stored = new StoredEmbeddings(m, dir.resolve("abc.npy"), "sha-of-abc", CacheOutcome.HIT, "",
                0, 0, 0, 0);
        HnswParams p = new HnswParams(8, 40, 40);
        HnswFiles.Loaded first = HnswFiles.loadOrBuild(stored, p, 1, (a, b) -> 0, () -> false);
        assertFalse(first.fromDisk());
        assertEquals(dir.resolve("abc.hnsw-M8-efc40.bin"), first.file());
        HnswFiles.Loaded second = HnswFiles.loadOrBuild(stored, p, 1, (a, b) -> 0, () -> false);
        assertTrue(second.fromDisk());
        assertEquals(first.index().search(queries[0], 10), second.index().search(queries[0], 10));
        byte[] bytes = Files.readAllBytes(first.file());
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(first.file(), bytes);
        assertFalse(HnswFiles.loadOrBuild(stored, p, 1, (a, b) -> 0, () -> false).fromDisk());
        // Other embeddings (another checksum) do not reuse the graph.
        StoredEmbeddings other = new StoredEmbeddings(m, dir.resolve("abc.npy"), "sha-of-other", CacheOutcome.HIT, "",
                0, 0, 0, 0);
        assertFalse(HnswFiles.loadOrBuild(other, p, 1, (a, b) -> 0, () -> false).fromDisk());
    }

    @Test
    void rotatedCopiesKeepInnerProductsWithinEachCopy() {
        EmbeddingMatrix base = clustered(50, 16, 4);
        EmbeddingMatrix big = RandomRotation.replicate(base, 120, 7);
        assertEquals(150, big.rows());
        float[] a = big.row(50 + 3);
        float[] b = big.row(50 + 9);
        assertEquals(VectorMath.dot(base.row(3), base.row(9)), VectorMath.dot(a, b), 1e-5);
        assertEquals(1.0, VectorMath.dot(a, a), 1e-5);
        List<Float> cross = new ArrayList<>();
        cross.add(VectorMath.dot(base.row(3), a)); // a copy is not the original
        assertTrue(cross.get(0) < 0.9f);
    }
}

package dev.crossbench.index;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.engine.Engines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Brute force over all pairs: every pair of rows is compared exactly once (n(n-1)/2 inner products), and
 * each row keeps its k most similar other rows at or above a minimum score. The products come from blocked
 * matrix multiplications on PyTorch's CPU kernels (a tile of {@value #BLOCK} rows against a later tile): 15.6 ns of
 * CPU per pair of 384-d vectors measured here (100,000 vectors, 78 s), against about 140 ns per pair on one thread
 * for the per-pair loop of {@link ExactIndex}.
 *
 * <p>This is what deduplication without an index costs, and deduplication's path for small inputs.
 */
public final class ExactAllPairs {
    /** Rows per side of a tile: a 2048 x 2048 float tile is 16 MB. */
    static final int BLOCK = 2048;

    /**
     * @param neighbors per row, its best other rows (at most k, at or above the minimum score), best first
     * @param comparisons pairs compared: n(n-1)/2
     */
    public record Result(List<List<Neighbor>> neighbors, long comparisons, long nanos) {}

    private ExactAllPairs() {}

    /** n(n-1)/2, the number of unordered pairs of n items. */
    public static long pairs(long n) {
        return n < 2 ? 0 : n * (n - 1) / 2;
    }

    /**
     * @param progress called with (rows whose pairs are done, rows) after each tile row
     * @throws CancellationException when {@code cancelled} turns true (checked between tiles)
     */
    public static Result topK(EmbeddingMatrix m, int k, float minScore, EncodeProgress progress, BooleanSupplier cancelled) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Engines.pytorch(); // starting the engine (once per process) is not part of the comparison
        long t0 = System.nanoTime();
        int n = m.rows();
        int d = m.dimension();
        TopK[] tops = new TopK[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray[] rows = new NDArray[blocks];
            NDArray[] transposed = new NDArray[blocks];
            for (int b = 0; b < blocks; b++) {
                int from = b * BLOCK;
                int to = Math.min(n, from + BLOCK);
                rows[b] = manager.create(Arrays.copyOfRange(m.data(), from * d, to * d), new Shape(to - from, d));
                transposed[b] = rows[b].transpose();
            }
            for (int bi = 0; bi < blocks; bi++) {
                for (int bj = bi; bj < blocks; bj++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("all-pairs comparison cancelled after " + (long) bi * BLOCK
                                + " of " + n + " rows");
                    }
                    float[] scores;
                    try (NDManager tile = manager.newSubManager()) {
                        NDArray s = rows[bi].matMul(transposed[bj]);
                        s.attach(tile);
                        scores = s.toFloatArray();
                    }
                    scan(scores, bi * BLOCK, bj * BLOCK, (int) rows[bj].getShape().get(0), k, minScore, tops);
                }
                progress.onProgress(Math.min(n, (bi + 1) * BLOCK), n);
            }
        }
        List<List<Neighbor>> neighbors = new ArrayList<>(n);
        for (TopK top : tops) {
            neighbors.add(top == null ? List.of() : top.sorted());
        }
        return new Result(neighbors, pairs(n), System.nanoTime() - t0);
    }

    /** Offers each pair (i, j) with j > i in the tile, and a score at or above the minimum, to both rows. */
    private static void scan(float[] scores, int rowStart, int colStart, int width, int k, float minScore, TopK[] tops) {
        int height = scores.length / width;
        for (int a = 0; a < height; a++) {
            int i = rowStart + a;
            int offset = a * width;
            for (int b = Math.max(0, i + 1 - colStart); b < width; b++) {
                float s = scores[offset + b];
                if (s >= minScore) {
                    int j = colStart + b;
                    offer(tops, i, j, s, k);
                    offer(tops, j, i, s, k);
                }
            }
        }
    }

    private static void offer(TopK[] tops, int row, int other, float score, int k) {
        TopK top = tops[row];
        if (top == null) {
            top = tops[row] = new TopK(k);
        }
        if (score >= top.threshold()) {
            top.offer(other, score);
        }
    }
}

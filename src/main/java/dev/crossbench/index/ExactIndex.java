package dev.crossbench.index;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Brute force: the inner product of the query with every row, then the top k. Single queries run on
 * the calling thread (a latency figure for one core); {@link #searchAll} spreads queries over the
 * common pool.
 */
public final class ExactIndex implements VectorIndex {
    private final EmbeddingMatrix matrix;

    public ExactIndex(EmbeddingMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    public String description() {
        return "exact";
    }

    @Override
    public int size() {
        return matrix.rows();
    }

    @Override
    public int dimension() {
        return matrix.dimension();
    }

    @Override
    public List<Neighbor> search(float[] query, int k) {
        checkDimension(query);
        float[] data = matrix.data();
        int d = matrix.dimension();
        TopK top = new TopK(Math.min(k, matrix.rows()));
        for (int row = 0, offset = 0; row < matrix.rows(); row++, offset += d) {
            float s = VectorMath.dot(data, offset, query, 0, d);
            if (s >= top.threshold()) {
                top.offer(row, s);
            }
        }
        return top.sorted();
    }

    @Override
    public List<List<Neighbor>> searchAll(float[][] queries, int k) {
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        IntStream.range(0, queries.length).parallel().mapToObj(i -> search(queries[i], k)).forEachOrdered(out::add);
        return out;
    }

    private void checkDimension(float[] query) {
        if (query.length != matrix.dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + matrix.dimension());
        }
    }
}

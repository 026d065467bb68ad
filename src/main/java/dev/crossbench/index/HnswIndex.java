package dev.crossbench.index;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;

/**
 * Approximate nearest neighbours with hnswlib-core's HNSW graph, by inner product (1 - dot as the
 * distance). The graph is built once; {@code ef} can change per search.
 */
public final class HnswIndex implements VectorIndex {
    /** A corpus row as hnswlib stores it. */
    record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /** 1 - dot product through our unrolled kernel (the library's loop is ~2x slower here). */
    static final class InnerProductDistance implements DistanceFunction<float[], Float> {
        private static final long serialVersionUID = 1L;
        /** Counts vector comparisons (building and searching) when not null; not saved with the graph. */
        private final transient LongAdder comparisons;

        InnerProductDistance() {
            this(null);
        }

        InnerProductDistance(LongAdder comparisons) {
            this.comparisons = comparisons;
        }

        @Override
        public Float distance(float[] u, float[] v) {
            if (comparisons != null) {
                comparisons.increment();
            }
            return 1f - VectorMath.dot(u, 0, v, 0, u.length);
        }
    }

    private final com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, float[], Row, Float> graph;
    private final HnswParams built;
    private volatile int ef;

    private HnswIndex(com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, float[], Row, Float> graph, HnswParams params) {
        this.graph = graph;
        this.built = params;
        this.ef = params.ef();
        graph.setEf(ef);
    }

    /**
     * Builds the graph with {@code threads} inserting in parallel (the graph then depends on thread
     * timing; with one thread it is reproducible).
     *
     * @param progress called with (rows done, rows total) now and then
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static HnswIndex build(EmbeddingMatrix matrix, HnswParams params, int threads, IntBinaryOperator progress,
            BooleanSupplier cancelled) {
        return build(matrix, params, threads, progress, cancelled, null);
    }

    /**
     * As above, and {@code comparisons} (when not null) counts every vector comparison the graph makes, while it
     * is built and in every later search: the work HNSW does instead of comparing all pairs.
     */
    public static HnswIndex build(EmbeddingMatrix matrix, HnswParams params, int threads, IntBinaryOperator progress,
            BooleanSupplier cancelled, LongAdder comparisons) {
        var graph = com.github.jelmerk.hnswlib.core.hnsw.HnswIndex
                .newBuilder(matrix.dimension(), new InnerProductDistance(comparisons), matrix.rows())
                .withM(params.m()).withEfConstruction(params.efConstruction()).withEf(params.ef())
                .<Integer, Row>build();
        List<Row> rows = new ArrayList<>(matrix.rows());
        for (int i = 0; i < matrix.rows(); i++) {
            rows.add(new Row(i, matrix.row(i)));
        }
        // Insert in slices so cancellation is noticed within seconds.
        int slice = 2048;
        try {
            for (int start = 0; start < rows.size(); start += slice) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("HNSW build cancelled after " + start + " of " + rows.size() + " rows");
                }
                List<Row> part = rows.subList(start, Math.min(rows.size(), start + slice));
                graph.addAll(part, Math.max(1, threads), (done, total) -> { }, Integer.MAX_VALUE);
                progress.applyAsInt(start + part.size(), rows.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("HNSW build interrupted");
        }
        return new HnswIndex(graph, params);
    }

    public static HnswIndex load(InputStream in) throws IOException {
        com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, float[], Row, Float> graph =
                com.github.jelmerk.hnswlib.core.hnsw.HnswIndex.load(in, HnswIndex.class.getClassLoader());
        return new HnswIndex(graph, new HnswParams(graph.getM(), graph.getEfConstruction(), graph.getEf()));
    }

    public void save(OutputStream out) throws IOException {
        graph.save(out);
    }

    public HnswParams params() {
        return built.withEf(ef);
    }

    /** Search-time candidate list size; k larger than ef searches with ef = k. */
    public void setEf(int newEf) {
        if (newEf < 1) {
            throw new IllegalArgumentException("ef must be at least 1, got " + newEf);
        }
        this.ef = newEf;
        graph.setEf(newEf);
    }

    @Override
    public String description() {
        return "hnsw(" + params() + ")";
    }

    @Override
    public int size() {
        return graph.size();
    }

    @Override
    public int dimension() {
        return graph.getDimensions();
    }

    @Override
    public List<Neighbor> search(float[] query, int k) {
        if (query.length != graph.getDimensions()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + graph.getDimensions());
        }
        int kk = Math.min(k, graph.size());
        List<SearchResult<Row, Float>> found = graph.findNearest(query, kk);
        List<Neighbor> out = new ArrayList<>(found.size());
        for (SearchResult<Row, Float> r : found) {
            out.add(new Neighbor(r.item().id(), 1f - r.distance()));
        }
        return out;
    }
}

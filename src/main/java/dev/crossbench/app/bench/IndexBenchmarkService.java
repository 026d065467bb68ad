package dev.crossbench.app.bench;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.QuerySet;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.ExactIndex;
import dev.crossbench.index.HnswIndex;
import dev.crossbench.index.HnswParams;
import dev.crossbench.index.IndexRecall;
import dev.crossbench.index.Neighbor;
import dev.crossbench.index.RandomRotation;
import dev.crossbench.index.StoredEmbeddings;
import dev.crossbench.index.VectorIndex;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.QueryEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Exact vs HNSW on a corpus's real embeddings: build time, heap, single-query latency and recall@k
 * against exact search for several HNSW settings; then a scaling run on more vectors than the corpus
 * has, made of the real embeddings plus randomly rotated copies of them (synthetic, and labelled so),
 * to show where HNSW overtakes exact search.
 */
public final class IndexBenchmarkService {
    public static final String SCALING_NOTE = "vectors beyond the corpus are randomly rotated copies of its real"
            + " embeddings (each copy keeps all inner products within itself); each query is rotated into a random copy";

    private final CorpusIndexer indexer;

    public IndexBenchmarkService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    /**
     * @param builds graphs to build (M, efConstruction); their ef is ignored
     * @param efs search-time ef values measured on each graph
     * @param scalingSizes numbers of vectors for the scaling run; empty to skip it
     * @param scalingParams the HNSW graph of the scaling run
     * @param scalingEfs search-time ef values measured at each size (its own ef is always included)
     */
    public record Settings(List<HnswParams> builds, List<Integer> efs, int k, int maxQueries, List<Integer> scalingSizes,
            HnswParams scalingParams, List<Integer> scalingEfs, int threads, long seed) {}

    public record EfPoint(int ef, double recall, TimingStats latency) {}

    /** @param heapBytes growth of the used heap over the build, after GC: an estimate */
    public record Build(HnswParams params, double buildSeconds, long heapBytes, List<EfPoint> efs) {}

    /** One graph size: exact latency, the build, and HNSW at several ef. */
    public record ScalePoint(int vectors, boolean synthetic, TimingStats exact, double hnswBuildSeconds, List<EfPoint> hnsw) {}

    public record Result(String model, int corpusSize, int dimension, int queries, String querySource, int k, int threads,
            TimingStats exact, long matrixBytes, List<Build> builds, List<ScalePoint> scaling, String scalingNote) {}

    public Result run(Corpus corpus, DocumentFormat format, BiEncoder bi, QuerySet queries, Settings s, TaskProgress progress,
            BooleanSupplier cancelled) {
        List<String> texts = corpus.texts(format);
        StoredEmbeddings stored = indexer.embed(corpus, texts, bi, progress, cancelled);
        EmbeddingMatrix matrix = bi.options().normalize() ? stored.matrix() : stored.matrix().normalized();
        String source;
        float[][] q;
        if (queries != null) {
            QueryEncoder enc = CorpusIndexer.queryEncoder(bi);
            int n = Math.min(s.maxQueries(), queries.size());
            q = new float[n][];
            for (int i = 0; i < n; i++) {
                q[i] = enc.encode(queries.queries().get(i).text());
                progress.update("encode queries", i + 1, n);
            }
            source = "first " + n + " queries of " + queries.source();
        } else {
            int n = Math.min(s.maxQueries(), matrix.rows());
            q = new float[n][];
            for (int i = 0; i < n; i++) {
                q[i] = matrix.row((int) ((long) i * matrix.rows() / n));
            }
            source = n + " corpus documents spread over the corpus (each finds itself)";
        }

        ExactIndex exact = new ExactIndex(matrix);
        List<List<Neighbor>> truth = exact.searchAll(q, s.k());
        TimingStats exactLatency = latency(exact, q, s.k());
        List<Build> builds = new ArrayList<>();
        for (HnswParams p : s.builds()) {
            check(cancelled);
            long heap0 = usedHeap();
            long t0 = System.nanoTime();
            HnswIndex hnsw = HnswIndex.build(matrix, p, s.threads(), phase(progress, "build HNSW " + p.m() + "/" + p.efConstruction()), cancelled);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long heap = Math.max(0, usedHeap() - heap0);
            List<EfPoint> points = new ArrayList<>();
            for (int ef : s.efs()) {
                hnsw.setEf(ef);
                points.add(new EfPoint(ef, IndexRecall.recallAtK(hnsw.searchAll(q, s.k()), truth, s.k()), latency(hnsw, q, s.k())));
            }
            builds.add(new Build(p, seconds, heap, points));
        }
        List<ScalePoint> scaling = scaling(matrix, q, s, progress, cancelled);
        return new Result(bi.descriptor().name(), matrix.rows(), matrix.dimension(), q.length, source, s.k(), s.threads(),
                exactLatency, matrix.bytes(), builds, scaling, scaling.isEmpty() ? "" : SCALING_NOTE);
    }

    private List<ScalePoint> scaling(EmbeddingMatrix base, float[][] queries, Settings s, TaskProgress progress,
            BooleanSupplier cancelled) {
        if (s.scalingSizes().isEmpty()) {
            return List.of();
        }
        int largest = s.scalingSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
        EmbeddingMatrix all = RandomRotation.replicate(base, largest, s.seed());
        int d = base.dimension();
        List<ScalePoint> out = new ArrayList<>();
        for (int size : s.scalingSizes()) {
            check(cancelled);
            int rows = Math.min(size, all.rows());
            EmbeddingMatrix m = new EmbeddingMatrix(rows, d, java.util.Arrays.copyOf(all.data(), rows * d));
            // Each query goes into one of the whole copies in this prefix, so it has real neighbours there.
            int copies = Math.max(1, rows / base.rows());
            float[][] q = new float[queries.length][];
            for (int i = 0; i < q.length; i++) {
                int copy = i % copies;
                q[i] = copy == 0 ? queries[i] : RandomRotation.random(d, s.seed() + copy).apply(queries[i]);
            }
            ExactIndex exact = new ExactIndex(m);
            List<List<Neighbor>> truth = exact.searchAll(q, s.k());
            TimingStats exactLatency = latency(exact, q, s.k());
            long t0 = System.nanoTime();
            HnswIndex hnsw = HnswIndex.build(m, s.scalingParams(), s.threads(), phase(progress, "scaling: HNSW on " + rows), cancelled);
            double build = (System.nanoTime() - t0) / 1e9;
            java.util.TreeSet<Integer> efs = new java.util.TreeSet<>(s.scalingEfs());
            efs.add(s.scalingParams().ef());
            List<EfPoint> points = new ArrayList<>();
            for (int ef : efs) {
                hnsw.setEf(ef);
                points.add(new EfPoint(ef, IndexRecall.recallAtK(hnsw.searchAll(q, s.k()), truth, s.k()), latency(hnsw, q, s.k())));
            }
            out.add(new ScalePoint(rows, rows > base.rows(), exactLatency, build, points));
        }
        return out;
    }

    /** Timed passes over the queries; each query's latency is its best pass. */
    public static final int PASSES = 3;

    /**
     * Single-query latency on this thread: one warm-up pass, then {@link #PASSES} timed passes, keeping
     * each query's fastest, so other processes on a shared machine disturb exact and HNSW alike little.
     */
    static TimingStats latency(VectorIndex index, float[][] queries, int k) {
        for (float[] q : queries) {
            index.search(q, k);
        }
        long[] t = new long[queries.length];
        java.util.Arrays.fill(t, Long.MAX_VALUE);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < queries.length; i++) {
                long t0 = System.nanoTime();
                index.search(queries[i], k);
                t[i] = Math.min(t[i], System.nanoTime() - t0);
            }
        }
        return TimingStats.of(t);
    }

    private static java.util.function.IntBinaryOperator phase(TaskProgress p, String name) {
        return (done, total) -> {
            p.update(name, done, total);
            return 0;
        };
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("benchmark cancelled");
        }
    }
}

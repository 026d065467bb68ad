package dev.crossbench.app;

import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.Query;
import dev.crossbench.data.QuerySet;
import dev.crossbench.eval.IrEvaluation;
import dev.crossbench.eval.IrMetrics;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.eval.ScoredDoc;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.QueryEncoder;
import dev.crossbench.search.Reranker;
import dev.crossbench.search.SearchHit;
import dev.crossbench.search.TwoStageSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Evaluates retrieval on a test collection: the bi-encoder's ranking alone and, with a reranker, the
 * two-stage ranking (bi-encoder top K reordered by the reranker, the rest of the first-stage list kept
 * after it), per query and on average, with per-stage latencies measured query by query.
 *
 * <p>For a sweep over K the reranker scores each query's candidates once, in increments (top K1, then
 * K1..K2, ...); the latency at K is the summed time of the increments up to K, and the ranking at K uses
 * only the first K scores: the same cost and result as reranking the top K alone, without scoring the
 * deepest candidates once per depth.
 */
public final class RetrievalEvaluationService {
    public static final String QUERY_PHASE = "queries";

    private final CorpusIndexer indexer;

    public RetrievalEvaluationService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    public static RetrievalEvaluationService standard() {
        return new RetrievalEvaluationService(CorpusIndexer.standard());
    }

    public RetrievalEvaluation evaluate(RetrievalData data, BiEncoder bi, Reranker reranker, RetrievalSettings settings,
            TaskProgress progress, BooleanSupplier cancelled) {
        return evaluate(data, bi, CorpusIndexer.queryEncoder(bi), reranker, settings, progress, cancelled);
    }

    /** As above with the query side given separately (tests pass a fake encoder). */
    public RetrievalEvaluation evaluate(RetrievalData data, BiEncoder bi, QueryEncoder queryEncoder, Reranker reranker,
            RetrievalSettings settings, TaskProgress progress, BooleanSupplier cancelled) {
        int corpusSize = data.corpus().size();
        List<String> notes = new ArrayList<>();
        if (!settings.sweep().isEmpty() && reranker == null) {
            throw new IllegalArgumentException("a sweep measures rerank depths K: it needs a cross-encoder (--cross)");
        }
        TreeSet<Integer> depths = rerankDepths(settings, reranker != null, corpusSize, notes);
        int rerankDepth = reranker == null ? 0 : Math.min(settings.rerankDepth(), corpusSize);
        int metricDepth = settings.metrics().stream().mapToInt(MetricAtK::k).max().orElse(10);
        int retrievalDepth = Math.min(corpusSize, Math.max(metricDepth, depths.isEmpty() ? 0 : depths.last()));

        IndexedCorpus indexed = indexer.index(data.corpus(), settings.format(), bi, settings.index(), progress, cancelled);
        TwoStageSearch search = new TwoStageSearch(queryEncoder, indexed.index(), data.corpus(), indexed.texts(), reranker);
        QuerySet queries = data.judgedQueries();
        warmUp(queries.queries().get(0), queryEncoder, search, retrievalDepth, depths, settings);

        int nq = queries.size();
        long[] encodeNanos = new long[nq];
        long[] searchNanos = new long[nq];
        Map<Integer, long[]> rerankNanos = new TreeMap<>();
        Map<Integer, Map<String, List<ScoredDoc>>> runs = new TreeMap<>();
        for (int d : depths) {
            rerankNanos.put(d, new long[nq]);
            runs.put(d, new LinkedHashMap<>());
        }
        Map<String, List<ScoredDoc>> firstRun = new LinkedHashMap<>();
        for (int i = 0; i < nq; i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("evaluation cancelled after " + i + " of " + nq + " queries");
            }
            Query q = queries.queries().get(i);
            String exclude = settings.ignoreIdenticalIds() ? q.id() : null;
            long t0 = System.nanoTime();
            float[] vector = queryEncoder.encode(q.text());
            long t1 = System.nanoTime();
            List<SearchHit> hits = search.firstStage(vector, retrievalDepth, exclude);
            long t2 = System.nanoTime();
            encodeNanos[i] = t1 - t0;
            searchNanos[i] = t2 - t1;
            firstRun.put(q.id(), hits.stream().map(h -> new ScoredDoc(h.docId(), h.biScore())).toList());
            if (reranker != null) {
                rerankIncrementally(q, hits, depths, indexed.texts(), reranker, i, rerankNanos, runs);
            }
            progress.update(QUERY_PHASE, i + 1, nq);
        }

        IrEvaluation first = IrMetrics.evaluate(data.qrels(), firstRun, settings.metrics(), settings.ignoreIdenticalIds());
        List<RetrievalEvaluation.SweepPoint> sweep = new ArrayList<>();
        for (int d : depths) {
            IrEvaluation e = IrMetrics.evaluate(data.qrels(), runs.get(d), settings.metrics(), settings.ignoreIdenticalIds());
            sweep.add(new RetrievalEvaluation.SweepPoint(d, e, TimingStats.of(rerankNanos.get(d)),
                    TimingStats.of(sum(encodeNanos, searchNanos, rerankNanos.get(d)))));
        }
        IrEvaluation two = reranker == null ? null : sweep.stream().filter(p -> p.depth() == rerankDepth).findFirst()
                .orElseThrow().evaluation();
        long[] rerankAtK = reranker == null ? new long[nq] : rerankNanos.get(rerankDepth);
        RetrievalEvaluation.StageTimes times = new RetrievalEvaluation.StageTimes(TimingStats.of(encodeNanos),
                TimingStats.of(searchNanos), reranker == null ? null : TimingStats.of(rerankAtK),
                TimingStats.of(sum(encodeNanos, searchNanos, rerankAtK)));
        Map<String, RetrievalEvaluation.QueryTimes> perQuery = new LinkedHashMap<>();
        for (int i = 0; i < nq; i++) {
            perQuery.put(queries.queries().get(i).id(),
                    new RetrievalEvaluation.QueryTimes(encodeNanos[i], searchNanos[i], rerankAtK[i]));
        }
        var emb = indexed.embeddings();
        RetrievalEvaluation.Embeddings embeddings = new RetrievalEvaluation.Embeddings(emb.outcome(), emb.note(), emb.file(),
                emb.encodeNanos() / 1e9, emb.loadNanos() / 1e9, emb.chunksReused(), indexed.indexNanos() / 1e9,
                indexed.indexFromDisk());
        return new RetrievalEvaluation(bi.descriptor().name(), bi.backend().description(),
                reranker == null ? null : reranker.name(), indexed.index().description(), settings.format().label(), corpusSize,
                first.evaluatedQueries(), data.queries().size() - nq, data.report(), List.copyOf(notes), embeddings,
                rerankDepth, retrievalDepth, first, two, times, sweep, perQuery, firstRun,
                reranker == null ? null : runs.get(rerankDepth));
    }

    /** K and the sweep depths, clamped to the corpus, each clamp noted. */
    static TreeSet<Integer> rerankDepths(RetrievalSettings s, boolean reranking, int corpusSize, List<String> notes) {
        TreeSet<Integer> depths = new TreeSet<>();
        if (!reranking) {
            return depths;
        }
        if (s.rerankDepth() > corpusSize) {
            notes.add("K=" + s.rerankDepth() + " is larger than the corpus (" + corpusSize + " documents): all "
                    + corpusSize + " are reranked");
        }
        depths.add(Math.min(s.rerankDepth(), corpusSize));
        List<Integer> clamped = new ArrayList<>();
        for (int d : s.sweep()) {
            if (d > corpusSize) {
                clamped.add(d);
            }
            depths.add(Math.min(d, corpusSize));
        }
        if (!clamped.isEmpty()) {
            notes.add("sweep depth(s) " + clamped + " exceed the corpus (" + corpusSize + " documents): measured at "
                    + corpusSize);
        }
        return depths;
    }

    /** Scores the candidates in increments of the sweep depths, recording cumulative time and the run at each depth. */
    private static void rerankIncrementally(Query q, List<SearchHit> hits, TreeSet<Integer> depths, List<String> texts,
            Reranker reranker, int queryIndex, Map<Integer, long[]> rerankNanos, Map<Integer, Map<String, List<ScoredDoc>>> runs) {
        double[] scores = new double[hits.size()];
        int scored = 0;
        long elapsed = 0;
        for (int d : depths) {
            int upTo = Math.min(d, hits.size());
            if (upTo > scored) {
                List<String> slice = new ArrayList<>(upTo - scored);
                for (int j = scored; j < upTo; j++) {
                    slice.add(texts.get(hits.get(j).row()));
                }
                long t = System.nanoTime();
                double[] part = reranker.score(q.text(), slice);
                elapsed += System.nanoTime() - t;
                System.arraycopy(part, 0, scores, scored, part.length);
                scored = upTo;
            }
            rerankNanos.get(d)[queryIndex] = elapsed;
            runs.get(d).put(q.id(), twoStageRun(hits, scores, upTo));
        }
    }

    /**
     * The reranked top {@code depth} followed by the rest of the first-stage list in its own order. The
     * scores handed to the metrics are positions (n, n-1, ...), so they keep exactly this order.
     */
    static List<ScoredDoc> twoStageRun(List<SearchHit> hits, double[] scores, int depth) {
        double[] top = new double[depth];
        System.arraycopy(scores, 0, top, 0, depth);
        List<SearchHit> ordered = new ArrayList<>(TwoStageSearch.order(hits.subList(0, depth), top));
        ordered.addAll(hits.subList(depth, hits.size()));
        List<ScoredDoc> run = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            run.add(new ScoredDoc(ordered.get(i).docId(), ordered.size() - i));
        }
        return run;
    }

    /** One untimed pass so JIT compilation and lazy native set-up are not billed to the first query. */
    private static void warmUp(Query q, QueryEncoder encoder, TwoStageSearch search, int depth, TreeSet<Integer> depths,
            RetrievalSettings settings) {
        List<SearchHit> hits = search.firstStage(encoder.encode(q.text()), depth, settings.ignoreIdenticalIds() ? q.id() : null);
        if (search.hasReranker() && !hits.isEmpty()) {
            search.rerank(q.text(), hits.subList(0, Math.min(hits.size(), Math.min(depths.first(), 10))));
        }
    }

    private static long[] sum(long[] a, long[] b, long[] c) {
        long[] s = new long[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = a[i] + b[i] + c[i];
        }
        return s;
    }
}

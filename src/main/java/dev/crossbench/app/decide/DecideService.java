package dev.crossbench.app.decide;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.IndexChoice;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.app.bench.EncodeBenchmark;
import dev.crossbench.app.bench.IndexBenchmarkService;
import dev.crossbench.app.decide.Decision.BiEncoderCost;
import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision.CrossEncoderCost;
import dev.crossbench.app.decide.Decision.IndexScaling;
import dev.crossbench.app.decide.Decision.Kind;
import dev.crossbench.app.decide.Decision.Latency;
import dev.crossbench.app.decide.Decision.Quality;
import dev.crossbench.app.decide.Decision.Recommendation;
import dev.crossbench.app.decide.Decision.Throughput;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.Query;
import dev.crossbench.data.QuerySet;
import dev.crossbench.eval.IrEvaluation;
import dev.crossbench.eval.IrMeasure;
import dev.crossbench.eval.IrMetrics;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.eval.ScoredDoc;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.device.DeviceDetector;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.search.Reranker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * "Which should I use?" answered on the user's judged queries. For each bi-encoder it measures the bi-encoder
 * alone with exact search and with HNSW, and with each cross-encoder the two-stage pipeline at several rerank
 * depths K (all through {@link RetrievalEvaluationService}, so the figures are eval-retrieval's); each
 * cross-encoder alone scores every document for as many sampled queries as its allowance affords. Then it
 * measures search latency at a few corpus sizes ({@link IndexBenchmarkService}'s scaling run) and the encode
 * throughput, extrapolates latency, encode time and memory to the stated corpus size, marks the Pareto front and
 * recommends per latency budget ({@link Recommender}).
 */
public final class DecideService {
    public static final MetricAtK NDCG_10 = IrMeasure.NDCG.at(10);
    public static final MetricAtK RECALL_10 = IrMeasure.RECALL.at(10);
    public static final MetricAtK RECALL_100 = IrMeasure.RECALL.at(100);
    static final List<MetricAtK> METRICS = List.of(NDCG_10, RECALL_10, RECALL_100);
    /** Documents a cross-encoder scores between two checks for cancellation. */
    private static final int CROSS_CHUNK = 256;

    /** Which measurement runs (stage of stages) and how far it is. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, stages, what, done, total) -> { };

        void update(int stage, int stages, String what, long done, long total);

        /** For a command line: one bar per "[stage/stages] what" line. */
        static Progress of(TaskProgress p) {
            return (stage, stages, what, done, total) -> p.update("[" + stage + "/" + stages + "] " + what, done, total);
        }
    }

    private final CorpusIndexer indexer;
    private final RetrievalEvaluationService retrieval;
    private final IndexBenchmarkService indexBenchmark;

    public DecideService(CorpusIndexer indexer) {
        this.indexer = indexer;
        this.retrieval = new RetrievalEvaluationService(indexer);
        this.indexBenchmark = new IndexBenchmarkService(indexer);
    }

    public static DecideService standard() {
        return new DecideService(CorpusIndexer.standard());
    }

    /**
     * @param bis bi-encoders, opened by the caller (who closes them); at least one
     * @param crosses cross-encoders, opened by the caller; may be empty (then only the bi-encoder configurations)
     */
    public Decision decide(RetrievalData data, List<BiEncoder> bis, List<CrossEncoder> crosses, DecideSettings s, Progress progress,
            BooleanSupplier cancelled) {
        if (bis.isEmpty()) {
            throw new IllegalArgumentException("decide needs at least one bi-encoder (--bi)");
        }
        List<String> notes = new ArrayList<>();
        int n = data.corpus().size();
        long target = s.targetCorpusSize();
        QuerySet judged = data.judgedQueries();
        QuerySet sampled = sample(judged, s.queriesSample(), s.seed());
        RetrievalData sample = new RetrievalData(data.corpus(), sampled, data.qrels(), data.report());
        if (sampled.size() < judged.size()) {
            notes.add("measured on " + sampled.size() + " of the " + judged.size() + " judged queries, drawn at random with seed "
                    + s.seed() + " (--queries-sample 0 for all)");
        }
        List<Integer> depths = clampDepths(s.depths(), n, notes);
        Stages stages = new Stages(progress, bis.size() * (4 + crosses.size()) + crosses.size());

        List<Configuration> configs = new ArrayList<>();
        List<BiEncoderCost> biCosts = new ArrayList<>();
        Map<String, IndexScaling> scalingOf = new LinkedHashMap<>();
        Map<CrossEncoder, RetrievalEvaluation.SweepPoint> deepest = new LinkedHashMap<>();
        RetrievalEvaluation firstExact = null;
        for (BiEncoder bi : bis) {
            String name = bi.descriptor().name();
            String engine = bi.backend().description();
            RetrievalEvaluation exact = retrieval.evaluate(sample, bi, null, settings(s, IndexChoice.EXACT, 1, List.of()),
                    stages.next(name + ", exact search"), cancelled);
            firstExact = firstExact == null ? exact : firstExact;
            configs.add(alone(Kind.BI_EXACT, name + " (exact)", name, engine, exact));
            // The bi-encoder alone is timed in runs of its own: timed between reranks, query encoding shares the cores
            // with the cross-encoder's threads winding down.
            IndexChoice hnsw = IndexChoice.hnsw(s.hnsw());
            RetrievalEvaluation h = retrieval.evaluate(sample, bi, null, settings(s, hnsw, 1, List.of()),
                    stages.next(name + ", HNSW"), cancelled);
            configs.add(alone(Kind.BI_HNSW, name + " (HNSW)", name, engine, h));
            for (CrossEncoder cross : crosses) {
                Reranker reranker = new CrossEncoderReranker(cross);
                RetrievalEvaluation two = retrieval.evaluate(sample, bi, reranker,
                        settings(s, hnsw, depths.get(depths.size() - 1), depths), stages.next(name + " (HNSW) + " + cross.name()),
                        cancelled);
                for (RetrievalEvaluation.SweepPoint p : two.sweep()) {
                    configs.add(new Configuration(name + " (HNSW) + " + cross.name() + " K=" + p.depth(), Kind.TWO_STAGE, name,
                            cross.name(), p.depth(), engine + " + " + cross.scorer().description(), two.index(),
                            quality(p.evaluation(), null), measured(p.total()), null, false));
                }
                deepest.putIfAbsent(cross, two.sweep().get(two.sweep().size() - 1));
            }
            check(cancelled);
            IndexScaling scaling = scaling(data, bi, sampled, s, stages.next(name + ", search latency at several corpus sizes"), cancelled);
            scalingOf.put(name, scaling);
            Throughput encode = throughput(data, exact, bi, s, stages.next(name + ", encode throughput"), cancelled);
            int dim = bi.descriptor().config().hiddenSize();
            long exactBytes = target * dim * 4L;
            biCosts.add(new BiEncoderCost(name, engine, dim, encode, target / encode.textsPerSecond(), exactBytes,
                    exactBytes + (long) Math.ceil(target * scaling.linkBytesPerVector()), scaling));
        }

        List<CrossEncoderCost> crossCosts = new ArrayList<>();
        for (CrossEncoder cross : crosses) {
            RetrievalEvaluation.SweepPoint p = deepest.get(cross);
            double per50 = p.rerank().medianMillis() / p.depth();
            double per95 = p.rerank().p95Millis() / p.depth();
            String basis = "reranking the top " + p.depth() + " for " + p.rerank().count() + " queries";
            CrossAlone alone = crossAlone(sample, cross, per50, s, firstExact, stages.next(cross.name() + " alone, every document"),
                    cancelled, notes);
            if (alone.measured() != null) {
                per50 = alone.measured().medianMillis() / n;
                per95 = alone.measured().p95Millis() / n;
                basis = "scoring all " + n + " documents for " + alone.measured().count() + " queries";
            }
            crossCosts.add(new CrossEncoderCost(cross.name(), cross.scorer().description(), per50, per95, basis, per50 * target,
                    per95 * target));
            configs.add(alone.configuration(cross, n, per50, per95, basis));
        }

        List<Configuration> extrapolated = new ArrayList<>();
        for (Configuration c : configs) {
            extrapolated.add(c.withAtTarget(atTarget(c, scalingOf, crossCosts, n, target)));
        }
        List<Configuration> marked = Recommender.markPareto(extrapolated);
        List<Recommendation> recommendations = s.budgets().stream().map(b -> Recommender.recommend(marked, b, target)).toList();
        if (target != n) {
            notes.add("latencies at " + DecisionFormat.count(target) + " documents are extrapolated: the measured latency plus what"
                    + " the fitted search-latency curve adds from " + DecisionFormat.count(n) + " to " + DecisionFormat.count(target)
                    + " documents; a cross-encoder alone costs its time per candidate times the documents");
        }
        notes.add("quality is measured on this corpus and assumed to hold at " + DecisionFormat.count(target)
                + " documents (more documents usually means more distractors: treat it as an upper bound)");
        notes.add("budgets are checked against the p95 latency per query at " + DecisionFormat.count(target)
                + " documents, one query at a time on this machine");
        Decision.Data d = new Decision.Data(String.valueOf(data.corpus().source()), n, judged.size(), sampled.size(), s.seed(),
                s.format().label(), DeviceDetector.detect().summary());
        return new Decision(d, target, marked, biCosts, crossCosts, recommendations,
                Recommender.ruleOfThumb(target, marked, recommendations), notes);
    }

    /** The queries measured: all judged ones, or {@code size} of them drawn with {@code seed}, kept in file order. */
    static QuerySet sample(QuerySet judged, int size, long seed) {
        if (size <= 0 || size >= judged.size()) {
            return judged;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Integer> chosen = new ArrayList<>(order.subList(0, size));
        Collections.sort(chosen);
        List<Query> queries = chosen.stream().map(i -> judged.queries().get(i)).toList();
        return new QuerySet(judged.source(), queries);
    }

    static List<Integer> clampDepths(List<Integer> depths, int corpusSize, List<String> notes) {
        List<Integer> clamped = depths.stream().map(k -> Math.min(k, corpusSize)).distinct().sorted().toList();
        if (depths.stream().anyMatch(k -> k > corpusSize)) {
            notes.add("rerank depths above the corpus size (" + corpusSize + " documents) are measured at " + corpusSize);
        }
        return clamped;
    }

    private static RetrievalSettings settings(DecideSettings s, IndexChoice index, int k, List<Integer> sweep) {
        return new RetrievalSettings(s.format(), index, k, sweep, s.ignoreIdenticalIds(), METRICS);
    }

    /** A bi-encoder alone: its first-stage metrics and per-query query encoding + search. */
    private static Configuration alone(Kind kind, String name, String bi, String engine, RetrievalEvaluation r) {
        long[] nanos = new long[r.perQueryTimes().size()];
        int i = 0;
        for (RetrievalEvaluation.QueryTimes t : r.perQueryTimes().values()) {
            nanos[i++] = t.encodeNanos() + t.searchNanos();
        }
        return new Configuration(name, kind, bi, null, 0, engine, r.index(), quality(r.firstStage(), null),
                measured(TimingStats.of(nanos)), null, false);
    }

    static Quality quality(IrEvaluation e, Double biOnSame) {
        double[] perQuery = e.perQuery().keySet().stream().mapToDouble(q -> e.perQuery(q, NDCG_10)).toArray();
        return new Quality(e.evaluatedQueries(), e.mean(NDCG_10), e.mean(RECALL_10), e.mean(RECALL_100), biOnSame, perQuery);
    }

    private static Latency measured(TimingStats t) {
        return new Latency(t.count(), t.medianMillis(), t.p95Millis(), false, "timed on " + t.count() + " queries");
    }

    private Throughput throughput(RetrievalData data, RetrievalEvaluation exact, BiEncoder bi, DecideSettings s, TaskProgress progress,
            BooleanSupplier cancelled) {
        RetrievalEvaluation.Embeddings e = exact.embeddings();
        int n = data.corpus().size();
        if (e.outcome() == CacheOutcome.ENCODED && e.encodeSeconds() > 0) {
            return new Throughput(n / e.encodeSeconds(), n, "encoding the whole corpus in this run");
        }
        List<String> texts = data.corpus().texts(s.format());
        List<String> pick = new ArrayList<>();
        Random random = new Random(s.seed());
        for (int i = 0; i < Math.min(s.encodeSampleDocuments(), n); i++) {
            pick.add(texts.get(random.nextInt(n)));
        }
        EncodeProgress p = (done, total) -> progress.update("encode", done, total);
        EncodeBenchmark.Measurement m = new EncodeBenchmark().measure(bi, pick, 1, p, cancelled);
        return new Throughput(m.sentencesPerSecond(), pick.size(), "encoding " + pick.size()
                + " documents of the corpus drawn at random (the corpus embeddings came from the cache)");
    }

    private IndexScaling scaling(RetrievalData data, BiEncoder bi, QuerySet queries, DecideSettings s, TaskProgress progress,
            BooleanSupplier cancelled) {
        int n = data.corpus().size();
        List<Integer> sizes = Extrapolation.scalingSizes(s.scalingSizes(), n);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        IndexBenchmarkService.Settings settings = new IndexBenchmarkService.Settings(List.of(), List.of(), 10, queries.size(), sizes,
                s.hnsw(), List.of(s.hnsw().ef()), threads, s.seed());
        IndexBenchmarkService.Result r = indexBenchmark.run(data.corpus(), s.format(), bi, queries, settings, progress, cancelled);
        return Extrapolation.scaling(r, s.hnsw(), n, s.targetCorpusSize());
    }

    /** The cross-encoder alone over the measured corpus: timed per query and evaluated, or null when not affordable. */
    private record CrossAlone(TimingStats measured, IrEvaluation quality, Double biOnSame) {
        Configuration configuration(CrossEncoder cross, int n, double per50, double per95, String basis) {
            String name = cross.name() + " alone";
            if (measured == null) {
                Latency l = new Latency(0, per50 * n, per95 * n, true, "extrapolated: " + n + " documents x the cost per candidate"
                        + " measured " + basis);
                return new Configuration(name, Kind.CROSS_ALONE, null, cross.name(), n, cross.scorer().description(), "none", null, l,
                        null, false);
            }
            return new Configuration(name, Kind.CROSS_ALONE, null, cross.name(), n, cross.scorer().description(), "none",
                    DecideService.quality(quality, biOnSame), new Latency(measured.count(), measured.medianMillis(), measured.p95Millis(),
                            false, "timed on " + measured.count() + " queries, each scoring all " + n + " documents"), null, false);
        }
    }

    private CrossAlone crossAlone(RetrievalData sample, CrossEncoder cross, double perCandidateMillis, DecideSettings s,
            RetrievalEvaluation biExact, TaskProgress progress, BooleanSupplier cancelled, List<String> notes) {
        int n = sample.corpus().size();
        double perQuerySeconds = perCandidateMillis * n / 1e3;
        int affordable = perQuerySeconds <= 0 ? s.crossAloneQueries() : (int) Math.floor(s.crossAloneSeconds() / perQuerySeconds);
        int m = Math.min(Math.min(s.crossAloneQueries(), affordable), sample.queries().size());
        if (m < 1) {
            notes.add(cross.name() + " alone was not measured: one query would score " + DecisionFormat.count(n) + " documents, about "
                    + DecisionFormat.duration(perQuerySeconds * 1e3) + " (allowance " + DecisionFormat.duration(s.crossAloneSeconds() * 1e3)
                    + "); its latency is extrapolated from the cost per candidate and its quality is unknown");
            return new CrossAlone(null, null, null);
        }
        List<String> texts = sample.corpus().texts(s.format());
        Reranker reranker = new CrossEncoderReranker(cross);
        Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
        long[] nanos = new long[m];
        for (int i = 0; i < m; i++) {
            Query q = sample.queries().queries().get(i);
            double[] scores = new double[n];
            long elapsed = 0;
            for (int from = 0; from < n; from += CROSS_CHUNK) {
                check(cancelled);
                int to = Math.min(n, from + CROSS_CHUNK);
                long t0 = System.nanoTime();
                double[] part = reranker.score(q.text(), texts.subList(from, to));
                elapsed += System.nanoTime() - t0;
                System.arraycopy(part, 0, scores, from, part.length);
                progress.update("queries", (long) i * n + to, (long) m * n);
            }
            nanos[i] = elapsed;
            List<ScoredDoc> docs = new ArrayList<>(n);
            for (int d = 0; d < n; d++) {
                docs.add(new ScoredDoc(sample.corpus().get(d).id(), scores[d]));
            }
            run.put(q.id(), docs);
        }
        IrEvaluation e = IrMetrics.evaluate(sample.qrels(), run, METRICS, s.ignoreIdenticalIds());
        Double biOnSame = null;
        if (m < biExact.firstStage().evaluatedQueries()) {
            biOnSame = run.keySet().stream().mapToDouble(id -> biExact.firstStage().perQuery(id, NDCG_10)).average().orElse(Double.NaN);
            notes.add(cross.name() + " alone was measured on the first " + m + " of the sampled queries (allowance "
                    + DecisionFormat.duration(s.crossAloneSeconds() * 1e3) + ", at most " + s.crossAloneQueries() + " queries); "
                    + biExact.biEncoder() + " (exact) scores nDCG@10 " + DecisionFormat.points(biOnSame) + " on the same queries; a mean"
                    + " over fewer queries is shown, not ranked against the others");
        }
        return new CrossAlone(TimingStats.of(nanos), e, biOnSame);
    }

    /** A configuration's latency at the target size. */
    private static Latency atTarget(Configuration c, Map<String, IndexScaling> scalingOf, List<CrossEncoderCost> crossCosts, int n,
            long target) {
        Latency m = c.measured();
        if (c.kind() == Kind.CROSS_ALONE) {
            CrossEncoderCost cost = crossCosts.stream().filter(x -> x.model().equals(c.crossEncoder())).findFirst().orElseThrow();
            if (target == n && !m.extrapolated()) {
                return m;
            }
            return new Latency(m.queries(), cost.perQueryAtTargetP50Millis(), cost.perQueryAtTargetP95Millis(), true,
                    DecisionFormat.count(target) + " documents x the cost per candidate measured " + cost.basis());
        }
        if (target == n) {
            return m;
        }
        IndexScaling sc = scalingOf.get(c.biEncoder());
        boolean exact = c.kind() == Kind.BI_EXACT;
        Decision.Fit f50 = exact ? sc.exactP50() : sc.hnswP50();
        Decision.Fit f95 = exact ? sc.exactP95() : sc.hnswP95();
        return new Latency(m.queries(), Extrapolation.shift(m.p50Millis(), f50), Extrapolation.shift(m.p95Millis(), f95), true,
                "measured + the " + (exact ? "exact" : "HNSW") + " search-latency fit (" + f50.form() + ") from "
                        + DecisionFormat.count(n) + " to " + DecisionFormat.count(target) + " documents");
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("decide cancelled");
        }
    }

    /** Numbers the measurements for the progress display. */
    private static final class Stages {
        private final Progress progress;
        private final int count;
        private int current;

        Stages(Progress progress, int count) {
            this.progress = progress;
            this.count = count;
        }

        TaskProgress next(String what) {
            int stage = ++current;
            progress.update(stage, Math.max(stage, count), what, 0, 1);
            return (phase, done, total) -> progress.update(stage, Math.max(stage, count), what + ": " + phase, done, total);
        }
    }
}

package dev.crossbench.cli;

import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.AtomicFile;
import dev.crossbench.eval.IrEvaluation;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.eval.TrecRunFile;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-retrieval", description = "nDCG@10, MRR@10, Recall@100, MAP@100 of a bi-encoder and of bi-encoder + cross-encoder reranking, with per-stage latencies.")
final class EvalRetrievalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bi", required = true, description = "Bi-encoder: built-in name, folder or hub id.")
    String bi;

    @Mixin
    CrossOptions cross;

    @Mixin
    RetrievalOptions retrieval;

    @Option(names = "--queries", required = true, description = "Queries: BEIR queries.jsonl or TSV id<TAB>text.")
    Path queries;

    @Option(names = "--qrels", required = true, description = "Judgements: BEIR TSV (query-id, corpus-id, score) or TREC (qid 0 docid rel).")
    Path qrels;

    @Option(names = "--k", defaultValue = "100", description = "Rerank depth K: bi-encoder candidates the cross-encoder reads. Default: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--sweep", split = ",", description = "Rerank depths to compare, e.g. 10,20,50,100,200 (needs --cross).")
    List<Integer> sweep;

    @Option(names = "--metrics", split = ",", description = "Metrics (default nDCG@10,MRR@10,Recall@100,MAP@100,P@10,Recall@10).")
    List<String> metrics;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the full result as JSON to this file.")
    Path json;

    @Option(names = "--per-query", description = "Write per-query metrics and stage times as CSV to this file.")
    Path perQuery;

    @Option(names = "--run", description = "Write the final ranking per query as a TREC run file (qid Q0 docid rank score tag) for trec_eval.")
    Path runFile;

    @Override
    public Integer call() {
        new CommandPaths().input("--corpus", retrieval.corpus).input("--queries", queries).input("--qrels", qrels)
                .model("--bi", bi).model("--cross", cross.cross).output("--json", json).output("--run", runFile)
                .output("--per-query", perQuery).check();
        PrintWriter out = spec.commandLine().getOut();
        if (sweep != null && !sweep.isEmpty() && !cross.present()) {
            throw new IllegalArgumentException("--sweep compares rerank depths: it needs --cross");
        }
        RetrievalData data = RetrievalData.read(retrieval.corpus, queries, qrels);
        out.printf("corpus %s: %d documents; queries %s: %d (%d with judgements); qrels %s: %d judgements%n",
                retrieval.corpus, data.corpus().size(), queries, data.queries().size(), data.report().queriesWithJudgements(),
                qrels, data.report().judgements());
        data.report().warnings().forEach(w -> out.println("warning: " + w));
        RetrievalSettings settings = RetrievalSettings.DEFAULTS.withFormat(retrieval.format()).withIndex(retrieval.indexChoice())
                .withRerankDepth(k).withSweep(sweep == null ? List.of() : sweep);
        settings = new RetrievalSettings(settings.format(), settings.index(), settings.rerankDepth(), settings.sweep(),
                !retrieval.keepIdenticalIds, metrics == null ? settings.metrics() : metrics.stream().map(MetricAtK::parse).toList());
        PhaseProgress progress = new PhaseProgress(spec.commandLine().getErr());
        RetrievalEvaluation r;
        try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), bi, retrieval.overrides(modelOptions));
                CrossEncoder ce = cross.present() ? cross.open(spec.commandLine().getErr()) : null) {
            r = RetrievalEvaluationService.standard().evaluate(data, enc, ce == null ? null : new CrossEncoderReranker(ce), settings,
                    progress, () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.done();
        }
        print(out, r);
        JsonOutput.write(json, toJson(r));
        if (runFile != null) {
            TrecRunFile.write(runFile, r.twoStageRun() != null ? r.twoStageRun() : r.firstStageRun(),
                    r.reranker() != null ? r.biEncoder() + "+" + r.reranker() : r.biEncoder());
            out.println("run written to " + runFile);
        }
        if (perQuery != null) {
            writePerQuery(perQuery, r);
            out.println("per-query values written to " + perQuery);
        }
        return 0;
    }

    private static void print(PrintWriter out, RetrievalEvaluation r) {
        r.notes().forEach(n -> out.println("note: " + n));
        out.printf("bi-encoder %s on %s, index %s, documents as %s%n", r.biEncoder(), r.engine(), r.index(), r.documentFormat());
        RetrievalEvaluation.Embeddings e = r.embeddings();
        String how = switch (e.outcome()) {
            case HIT -> String.format(Locale.ROOT, "cache hit: no encoding, read and verified in %.2f s", e.cacheSeconds());
            case ENCODED -> String.format(Locale.ROOT, "encoded %d documents in %.1f s (%.1f docs/s) and cached", r.corpusSize(),
                    e.encodeSeconds(), r.corpusSize() / e.encodeSeconds());
            case RESUMED -> String.format(Locale.ROOT, "resumed an interrupted encode: %d chunks reused, rest encoded in %.1f s",
                    e.chunksReused(), e.encodeSeconds());
            case REBUILT -> String.format(Locale.ROOT, "cache rebuilt (%s): encoded in %.1f s", e.note(), e.encodeSeconds());
            case UNCACHED -> String.format(Locale.ROOT, "encoded %d documents in %.1f s; %s", r.corpusSize(), e.encodeSeconds(),
                    e.note());
        };
        out.println("corpus embeddings: " + how + " [" + e.file() + "]");
        if (!r.index().equals("exact")) {
            out.printf(Locale.ROOT, "index: %s in %.2f s%n", e.indexFromDisk() ? "loaded from disk" : "built", e.indexSeconds());
        }
        out.printf("%d queries evaluated, %d without judgements skipped%n%n", r.queriesEvaluated(), r.queriesWithoutJudgements());

        boolean two = r.twoStage() != null;
        TextTable t = two ? new TextTable("metric", "bi-encoder", "+ " + r.reranker() + " (K=" + r.rerankDepth() + ")", "change")
                : new TextTable("metric", "bi-encoder");
        for (MetricAtK m : r.firstStage().metrics()) {
            double b = r.firstStage().mean(m) * 100;
            if (two) {
                double c = r.twoStage().mean(m) * 100;
                t.row(m.label() + " x100", f2(b), f2(c), String.format(Locale.ROOT, "%+.2f", c - b));
            } else {
                t.row(m.label() + " x100", f2(b));
            }
        }
        t.print(out);
        out.println();
        TextTable times = new TextTable("stage (per query)", "p50 ms", "p95 ms", "mean ms");
        addTime(times, "encode query", r.times().encodeQuery());
        addTime(times, "search (" + r.index() + ", top " + r.retrievalDepth() + ")", r.times().search());
        if (two) {
            addTime(times, "rerank top " + r.rerankDepth(), r.times().rerank());
        }
        addTime(times, "total", r.times().total());
        times.print(out);
        if (r.sweep().size() > 1) {
            out.println();
            MetricAtK ndcg = r.firstStage().metrics().get(0);
            TextTable s = new TextTable("K", ndcg.label() + " x100", "change vs bi", "rerank p50 ms", "rerank p95 ms",
                    "ms per candidate", "total p50 ms");
            for (RetrievalEvaluation.SweepPoint p : r.sweep()) {
                double v = p.evaluation().mean(ndcg) * 100;
                s.row(p.depth(), f2(v), String.format(Locale.ROOT, "%+.2f", v - r.firstStage().mean(ndcg) * 100),
                        f2(p.rerank().medianMillis()), f2(p.rerank().p95Millis()), f2(p.rerank().medianMillis() / p.depth()),
                        f2(p.total().medianMillis()));
            }
            s.print(out);
        }
    }

    private static void addTime(TextTable t, String name, TimingStats s) {
        t.row(name, f2(s.medianMillis()), f2(s.p95Millis()), f2(s.meanMillis()));
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static Map<String, Object> toJson(RetrievalEvaluation r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("biEncoder", r.biEncoder());
        j.put("engine", r.engine());
        j.put("reranker", r.reranker());
        j.put("index", r.index());
        j.put("documentFormat", r.documentFormat());
        j.put("corpusSize", r.corpusSize());
        j.put("queriesEvaluated", r.queriesEvaluated());
        j.put("queriesWithoutJudgements", r.queriesWithoutJudgements());
        j.put("dataWarnings", r.dataReport().warnings());
        j.put("notes", r.notes());
        RetrievalEvaluation.Embeddings e = r.embeddings();
        Map<String, Object> emb = new LinkedHashMap<>();
        emb.put("outcome", e.outcome().name());
        emb.put("note", e.note());
        emb.put("file", e.file().toString());
        emb.put("encodeSeconds", e.encodeSeconds());
        emb.put("cacheSeconds", e.cacheSeconds());
        emb.put("chunksReused", e.chunksReused());
        emb.put("indexSeconds", e.indexSeconds());
        emb.put("indexFromDisk", e.indexFromDisk());
        j.put("embeddings", emb);
        j.put("rerankDepth", r.rerankDepth());
        j.put("retrievalDepth", r.retrievalDepth());
        j.put("biEncoderMetrics", means(r.firstStage()));
        j.put("twoStageMetrics", r.twoStage() == null ? null : means(r.twoStage()));
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("encodeQuery", r.times().encodeQuery());
        times.put("search", r.times().search());
        times.put("rerank", r.times().rerank());
        times.put("total", r.times().total());
        j.put("stageTimesNanos", times);
        List<Map<String, Object>> sweep = new ArrayList<>();
        for (RetrievalEvaluation.SweepPoint p : r.sweep()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", p.depth());
            m.put("metrics", means(p.evaluation()));
            m.put("rerankNanos", p.rerank());
            m.put("totalNanos", p.total());
            sweep.add(m);
        }
        j.put("sweep", sweep);
        return j;
    }

    private static Map<String, Double> means(IrEvaluation e) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (MetricAtK k : e.metrics()) {
            m.put(k.label(), e.mean(k));
        }
        return m;
    }

    private static void writePerQuery(Path file, RetrievalEvaluation r) {
        List<MetricAtK> metrics = r.firstStage().metrics();
        StringBuilder header = new StringBuilder("query_id");
        metrics.forEach(m -> header.append(",bi_").append(m.label()));
        if (r.twoStage() != null) {
            metrics.forEach(m -> header.append(",reranked_").append(m.label()));
        }
        header.append(",encode_ms,search_ms,rerank_ms\n");
        AtomicFile.writeText(file, "per-query CSV", w -> {
            w.write(header.toString());
            for (Map.Entry<String, double[]> e : r.firstStage().perQuery().entrySet()) {
                StringBuilder line = new StringBuilder(dev.crossbench.data.CsvField.quote(e.getKey()));
                for (double v : e.getValue()) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
                if (r.twoStage() != null) {
                    for (double v : r.twoStage().perQuery().get(e.getKey())) {
                        line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                    }
                }
                RetrievalEvaluation.QueryTimes qt = r.perQueryTimes().get(e.getKey());
                line.append(String.format(Locale.ROOT, ",%.3f,%.3f,%.3f%n", qt.encodeNanos() / 1e6, qt.searchNanos() / 1e6,
                        qt.rerankNanos() / 1e6));
                w.write(line.toString());
            }
        });
    }


}

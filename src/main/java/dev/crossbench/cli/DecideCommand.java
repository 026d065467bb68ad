package dev.crossbench.cli;

import dev.crossbench.app.ModelService;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.decide.DecideService;
import dev.crossbench.app.decide.DecideSettings;
import dev.crossbench.app.decide.Decision.BiEncoderCost;
import dev.crossbench.app.decide.Decision.Fit;
import dev.crossbench.app.decide.Decision.IndexScaling;
import dev.crossbench.app.decide.Decision.ScalePoint;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.app.decide.DecisionFormat;
import dev.crossbench.app.decide.LatencyBudget;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.report.DecisionReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "decide", description = "Bi-encoder, two-stage or cross-encoder? Measures each on your judged queries (quality and latency"
        + " here), extrapolates the costs to a corpus size and recommends a configuration per latency budget.")
final class DecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bi", required = true, description = "Bi-encoder(s): built-in name, folder or hub id; repeat for several.")
    List<String> bis;

    @Option(names = "--cross", description = "Cross-encoder(s) (BertForSequenceClassification folder, bundled name or hub id); repeat for several.")
    List<String> crosses = new ArrayList<>();

    @Option(names = "--cross-engine", defaultValue = "auto", description = "pytorch, onnxruntime or auto. Default: ${DEFAULT-VALUE}")
    String crossEngine;

    @Option(names = "--cross-batch-size", defaultValue = "32", description = "Pairs per forward pass. Default: ${DEFAULT-VALUE}")
    int crossBatchSize;

    @Mixin
    RetrievalOptions retrieval;

    @Option(names = "--queries", required = true, description = "Queries: BEIR queries.jsonl or TSV id<TAB>text.")
    Path queries;

    @Option(names = "--qrels", required = true, description = "Judgements: BEIR TSV or TREC qrels.")
    Path qrels;

    @Option(names = "--latency-budget", required = true, description = "Per-query latency budget, e.g. 50ms, 500ms, 5s; repeat for several.")
    List<String> budgets;

    @Option(names = "--corpus-size", defaultValue = "1000000", description = "Corpus size to extrapolate costs to and check the budgets at (1e6, 1M, 250000). Default: ${DEFAULT-VALUE}")
    String corpusSize;

    @Option(names = "--queries-sample", defaultValue = "" + DecideSettings.DEFAULT_QUERIES_SAMPLE,
            description = "Judged queries to measure, drawn at random with --seed; 0 for all. Default: ${DEFAULT-VALUE}")
    int queriesSample;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the query sample and the rotations. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--depths", split = ",", defaultValue = "10,20,50,100", description = "Rerank depths K of the two-stage configurations. Default: ${DEFAULT-VALUE}")
    List<Integer> depths;

    @Option(names = "--cross-alone-queries", defaultValue = "10", description = "At most this many sampled queries are answered by a cross-encoder alone (every document). Default: ${DEFAULT-VALUE}")
    int crossAloneQueries;

    @Option(names = "--cross-alone-seconds", defaultValue = "120", description = "Time allowed for that; when one query would take longer, it is extrapolated. Default: ${DEFAULT-VALUE}")
    double crossAloneSeconds;

    @Option(names = "--scaling", split = ",", description = "Corpus sizes of the search-latency curve (default: a quarter, one and four times the corpus).")
    List<Integer> scaling;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the result as JSON to this file.")
    Path json;

    @Option(names = "--html", description = "Also write the result as a one-page HTML report (table, chart, recommendation) to this file.")
    Path html;

    @Override
    public Integer call() {
        new CommandPaths().input("--corpus", retrieval.corpus).input("--queries", queries).input("--qrels", qrels).models("--bi", bis)
                .models("--cross", crosses).output("--json", json).output("--html", html).check();
        if (!"exact".equalsIgnoreCase(retrieval.index.strip())) {
            throw new IllegalArgumentException("--index does not apply to decide: it measures exact search and HNSW (--hnsw-* set HNSW)");
        }
        List<LatencyBudget> parsedBudgets = budgets.stream().map(LatencyBudget::parse).toList();
        long target = DecideSettings.parseCorpusSize(corpusSize);
        DecideSettings settings = DecideSettings.defaults(parsedBudgets).withTargetCorpusSize(target).withQueriesSample(queriesSample, seed)
                .withDepths(depths).withCrossAlone(crossAloneQueries, crossAloneSeconds)
                .withScalingSizes(scaling == null ? List.of() : scaling).withFormat(retrieval.format(), !retrieval.keepIdenticalIds);
        settings = new DecideSettings(settings.budgets(), settings.targetCorpusSize(), settings.depths(), settings.queriesSample(),
                settings.seed(), settings.crossAloneQueries(), settings.crossAloneSeconds(), settings.scalingSizes(),
                retrieval.hnswParams(), settings.format(), settings.ignoreIdenticalIds(), settings.encodeSampleDocuments());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RetrievalData data = RetrievalData.read(retrieval.corpus, queries, qrels);
        out.printf("corpus %s: %d documents; queries %s: %d (%d with judgements); qrels %s: %d judgements%n", retrieval.corpus,
                data.corpus().size(), queries, data.queries().size(), data.report().queriesWithJudgements(), qrels,
                data.report().judgements());
        data.report().warnings().forEach(w -> out.println("warning: " + w));
        PhaseProgress bars = new PhaseProgress(err);
        Decision d;
        List<BiEncoder> openBis = new ArrayList<>();
        List<CrossEncoder> openCrosses = new ArrayList<>();
        try {
            for (String b : bis) {
                openBis.add(modelOptions.open(err, b, retrieval.overrides(modelOptions)));
            }
            for (String c : crosses) {
                CrossEncoder ce = ModelService.standard().openCrossEncoder(c, EngineChoice.parse(crossEngine), crossBatchSize,
                        ScoreActivation.SIGMOID, null);
                ce.notes().forEach(n -> err.println("note: " + n));
                openCrosses.add(ce);
            }
            d = DecideService.standard().decide(data, openBis, openCrosses, settings, stageLines(err, bars),
                    () -> Thread.currentThread().isInterrupted());
        } finally {
            bars.done();
            openCrosses.forEach(CrossEncoder::close);
            openBis.forEach(BiEncoder::close);
        }
        print(out, d);
        JsonOutput.write(json, d);
        if (html != null) {
            DecisionReport.writePage(d, html);
            out.println("report written to " + html);
        }
        return 0;
    }

    /** A line on stderr as each measurement starts (a log shows where the time went), and a bar within it. */
    private static DecideService.Progress stageLines(PrintWriter err, PhaseProgress bars) {
        DecideService.Progress inner = DecideService.Progress.of(bars);
        int[] shown = {0};
        return (stage, stages, what, done, total) -> {
            if (stage != shown[0]) {
                shown[0] = stage;
                bars.done();
                err.println("[" + stage + "/" + stages + "] " + what.split(": ")[0]);
            }
            inner.update(stage, stages, what, done, total);
        };
    }

    static void print(PrintWriter out, Decision d) {
        Decision.Data data = d.data();
        d.notes().forEach(n -> out.println("note: " + n));
        out.printf(Locale.ROOT, "%nMeasured on %s documents and %d of %d judged queries (seed %d), one query at a time; %s%n",
                DecisionFormat.count(data.documents()), data.sampledQueries(), data.judgedQueries(), data.seed(), data.machine());
        TextTable t = new TextTable(DecisionFormat.tableHeader(d).toArray(String[]::new));
        DecisionFormat.tableRows(d).forEach(r -> t.row(r.toArray()));
        t.print(out);
        out.println("nDCG@10 and Recall x100; latency per query = query encoding + search (+ rerank of the top K); * = extrapolated,"
                + " not timed (at " + DecisionFormat.count(d.targetCorpusSize()) + " documents: from the curves below); Pareto: no other"
                + " configuration is both at least as good and at least as fast there.");

        out.printf(Locale.ROOT, "%nCosts at %s documents (extrapolated from the measured points shown)%n",
                DecisionFormat.count(d.targetCorpusSize()));
        DecisionFormat.costLines(d).forEach(out::println);
        for (BiEncoderCost b : d.biEncoders()) {
            IndexScaling s = b.scaling();
            out.printf(Locale.ROOT, "%s: search latency measured (one query at a time, one thread, best of 3 passes, top 10, %d queries):%n",
                    b.model(), s.queries());
            TextTable st = new TextTable("  vectors", "kind", "exact p50 ms", "exact p95 ms", "HNSW p50 ms", "HNSW p95 ms",
                    "HNSW recall@10", "HNSW build s");
            for (ScalePoint p : s.measured()) {
                st.row("  " + DecisionFormat.count(p.vectors()), p.synthetic() ? "real+rotated" : "real", f3(p.exactP50Millis()),
                        f3(p.exactP95Millis()), f3(p.hnswP50Millis()), f3(p.hnswP95Millis()),
                        String.format(Locale.ROOT, "%.4f", p.hnswRecallAt10()), String.format(Locale.ROOT, "%.1f", p.hnswBuildSeconds()));
            }
            st.print(out);
            out.println("  fitted: " + fit("exact p50", s.exactP50(), d) + "; " + fit("HNSW p50", s.hnswP50(), d));
            if (!s.note().isEmpty()) {
                out.println("  " + s.note());
            }
        }
        out.printf(Locale.ROOT, "%nRecommendation per latency budget (p95 per query at %s documents):%n",
                DecisionFormat.count(d.targetCorpusSize()));
        for (Decision.Recommendation r : d.recommendations()) {
            out.println("  " + r.budget().label() + ": " + r.summary());
        }
        out.println(d.ruleOfThumb());
    }

    private static String fit(String what, Fit f, Decision d) {
        return String.format(Locale.ROOT, "%s = %s -> %s ms at %s (%s ms at %s)", what, f.form(), f3(f.atTarget()),
                DecisionFormat.count(d.targetCorpusSize()), f3(f.atMeasured()), DecisionFormat.count(d.data().documents()));
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

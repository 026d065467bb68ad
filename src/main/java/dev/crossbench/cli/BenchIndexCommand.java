package dev.crossbench.cli;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.bench.IndexBenchmarkService;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.QueriesReader;
import dev.crossbench.data.QuerySet;
import dev.crossbench.index.HnswParams;
import dev.crossbench.model.encode.BiEncoder;
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

@Command(name = "index", description = "Exact vs HNSW on a corpus's embeddings: build time, heap, latency and recall@k vs exact at several ef; then a scaling run past 100,000 vectors (real embeddings plus rotated copies).")
final class BenchIndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bi", required = true, description = "Bi-encoder that embeds the corpus (cached).")
    String bi;

    @Option(names = "--corpus", required = true, description = "Corpus file (BEIR corpus.jsonl, CSV/TSV, .txt).")
    Path corpus;

    @Option(names = "--doc-format", defaultValue = "title+text", description = "title+text or text. Default: ${DEFAULT-VALUE}")
    String docFormat;

    @Option(names = "--queries", description = "Queries to search with (default: documents spread over the corpus).")
    Path queries;

    @Option(names = "--num-queries", defaultValue = "300", description = "Queries timed and compared. Default: ${DEFAULT-VALUE}")
    int numQueries;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query; recall@k is against exact search. Default: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--m", split = ",", defaultValue = "8,16,32", description = "HNSW M values to build. Default: ${DEFAULT-VALUE}")
    List<Integer> ms;

    @Option(names = "--ef-construction", split = ",", defaultValue = "200,400", description = "efConstruction values to build. Default: ${DEFAULT-VALUE}")
    List<Integer> efConstructions;

    @Option(names = "--ef", split = ",", defaultValue = "10,20,40,64,80,100,200,400", description = "Search ef values. Default: ${DEFAULT-VALUE}")
    List<Integer> efs;

    @Option(names = "--scaling", split = ",", defaultValue = "1000,5000,20000,50000,100000",
            description = "Vector counts for the scaling run (rounded up to whole rotated copies of the corpus past its size; '0' skips). Default: ${DEFAULT-VALUE}")
    List<Integer> scaling;

    @Option(names = "--scaling-ef", split = ",", defaultValue = "40,64,80,100,200", description = "Search ef values at each scaling size. Default: ${DEFAULT-VALUE}")
    List<Integer> scalingEfs;

    @Option(names = "--threads", description = "Threads inserting into HNSW graphs (default: all cores). Searches run on one thread.")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random rotations. Default: ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--corpus", corpus).input("--queries", queries).model("--bi", bi).output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        Corpus c = CorpusReader.read(corpus);
        QuerySet q = queries == null ? null : QueriesReader.read(queries);
        List<HnswParams> builds = new ArrayList<>();
        for (int m : ms) {
            for (int efc : efConstructions) {
                builds.add(new HnswParams(m, efc, HnswParams.DEFAULTS.ef()));
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (int s : scaling) {
            if (s > 0) {
                // Past the corpus, whole copies: every query then has a full copy to find its neighbours in.
                sizes.add(s <= c.size() ? s : (int) Math.ceil((double) s / c.size()) * c.size());
            }
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        IndexBenchmarkService.Settings settings = new IndexBenchmarkService.Settings(builds, efs, k, numQueries, sizes,
                HnswParams.DEFAULTS, scalingEfs, t, seed);
        PhaseProgress progress = new PhaseProgress(spec.commandLine().getErr());
        IndexBenchmarkService.Result r;
        try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), bi, modelOptions.overrides())) {
            r = new IndexBenchmarkService(CorpusIndexer.standard()).run(c, DocumentFormat.parse(docFormat), enc, q, settings,
                    progress, () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.done();
        }
        out.printf(Locale.ROOT, "%s embeddings of %s: %d x %d float32 (%.1f MB); %d queries: %s%n", r.model(), corpus,
                r.corpusSize(), r.dimension(), r.matrixBytes() / 1e6, r.queries(), r.querySource());
        out.printf(Locale.ROOT, "latency: one query at a time on one thread, each query's best of %d passes%n",
                IndexBenchmarkService.PASSES);
        out.printf(Locale.ROOT, "exact search: p50 %.3f ms, p95 %.3f ms%n%n", r.exact().medianMillis(), r.exact().p95Millis());
        TextTable table = new TextTable("M", "efC", "build s", "heap MB", "ef", "recall@" + k, "p50 ms", "p95 ms", "vs exact p50");
        for (IndexBenchmarkService.Build b : r.builds()) {
            for (IndexBenchmarkService.EfPoint p : b.efs()) {
                boolean first = p == b.efs().get(0);
                table.row(first ? b.params().m() : "", first ? b.params().efConstruction() : "",
                        first ? String.format(Locale.ROOT, "%.1f", b.buildSeconds()) : "",
                        first ? String.format(Locale.ROOT, "%.1f", b.heapBytes() / 1e6) : "", p.ef(),
                        String.format(Locale.ROOT, "%.4f", p.recall()), String.format(Locale.ROOT, "%.3f", p.latency().medianMillis()),
                        String.format(Locale.ROOT, "%.3f", p.latency().p95Millis()),
                        String.format(Locale.ROOT, "%.1fx", r.exact().medianNanos() / p.latency().medianNanos()));
            }
        }
        table.print(out);
        if (!r.scaling().isEmpty()) {
            out.printf("%nscaling, HNSW M=%d, efConstruction=%d built with %d thread(s); %s%n", HnswParams.DEFAULTS.m(),
                    HnswParams.DEFAULTS.efConstruction(), r.threads(), r.scalingNote());
            TextTable s = new TextTable("vectors", "kind", "exact p50 ms", "exact p95 ms", "HNSW build s", "ef", "HNSW p50 ms",
                    "HNSW p95 ms", "recall@" + k, "speed-up p50");
            for (IndexBenchmarkService.ScalePoint p : r.scaling()) {
                for (IndexBenchmarkService.EfPoint e : p.hnsw()) {
                    boolean first = e == p.hnsw().get(0);
                    s.row(first ? p.vectors() : "", first ? (p.synthetic() ? "real+rotated" : "real") : "",
                            first ? String.format(Locale.ROOT, "%.3f", p.exact().medianMillis()) : "",
                            first ? String.format(Locale.ROOT, "%.3f", p.exact().p95Millis()) : "",
                            first ? String.format(Locale.ROOT, "%.1f", p.hnswBuildSeconds()) : "", e.ef(),
                            String.format(Locale.ROOT, "%.3f", e.latency().medianMillis()),
                            String.format(Locale.ROOT, "%.3f", e.latency().p95Millis()), String.format(Locale.ROOT, "%.4f", e.recall()),
                            String.format(Locale.ROOT, "%.1fx", p.exact().medianNanos() / e.latency().medianNanos()));
                }
            }
            s.print(out);
        }
        JsonOutput.write(json, r);
        return 0;
    }
}

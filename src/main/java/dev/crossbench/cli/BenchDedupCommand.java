package dev.crossbench.cli;

import dev.crossbench.app.DedupBenchmark;
import dev.crossbench.app.DedupInput;
import dev.crossbench.app.DedupService;
import dev.crossbench.app.DedupSettings;
import dev.crossbench.bench.StageTime;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.index.HnswParams;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
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

@Command(name = "dedup", description = "Deduplication's candidate generation at scale (exact all pairs or HNSW) against comparing"
        + " all pairs: comparisons, time (wall and CPU), and with --brute-force the candidates HNSW found; --expand-to adds"
        + " randomly rotated copies of the real embeddings (synthetic).")
final class BenchDedupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Bi-encoder: built-in name, folder or hub id.")
    String model;

    @Option(names = "--input", required = true, description = "Texts: .txt (one per line), BEIR corpus.jsonl, or CSV/TSV with id and text columns.")
    Path input;

    @Option(names = "--doc-format", defaultValue = "title+text", description = "title+text or text. Default: ${DEFAULT-VALUE}")
    String docFormat;

    @Option(names = "--expand-to", defaultValue = "0", description = "Vectors in all: rotated copies of the real embeddings past them (0: none). Default: ${DEFAULT-VALUE}")
    int expandTo;

    @Option(names = "--index", defaultValue = "auto", description = "exact, hnsw or auto. Default: ${DEFAULT-VALUE}")
    String index;

    @Option(names = "--hnsw", split = ",", description = "HNSW M,efConstruction,ef (default: dedup's 16,100,40).")
    List<Integer> hnsw;

    @Option(names = "--threshold", defaultValue = "0.85", description = "Lowest cosine kept as a candidate. Default: ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--top-k", defaultValue = "10", description = "Neighbours per text. Default: ${DEFAULT-VALUE}")
    int topK;

    @Option(names = "--all-pairs-sample", defaultValue = "20000", description = "With HNSW: vectors whose pairs are all compared, timed, to extrapolate. Default: ${DEFAULT-VALUE}")
    int allPairsSample;

    @Option(names = "--brute-force", description = "Also compare all pairs of every vector: the measured brute force, and the share of its candidates HNSW found.")
    boolean bruteForce;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the rotations and the sample. Default: ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--input", input).model("--model", model).output("--json", json).check();
        if (expandTo < 0) {
            throw new IllegalArgumentException("--expand-to must be 0 or more, got " + expandTo);
        }
        DedupSettings settings = DedupSettings.DEFAULTS.withThresholds(threshold, DedupSettings.DEFAULTS.crossThreshold(), threshold)
                .withTopK(topK).withIndex(DedupSettings.IndexMode.parse(index), hnswParams())
                .withAllPairsSample(allPairsSample);
        PrintWriter out = spec.commandLine().getOut();
        DedupInput in = DedupInput.of(CorpusReader.read(input), DocumentFormat.parse(docFormat));
        PhaseProgress progress = new PhaseProgress(spec.commandLine().getErr());
        DedupBenchmark.Result r;
        try (BiEncoder bi = modelOptions.open(spec.commandLine().getErr(), model, modelOptions.overrides())) {
            r = new DedupBenchmark(DedupService.standard()).run(in, bi, settings, expandTo, bruteForce, seed, progress,
                    () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.done();
        }
        long all = r.allPairCount();
        out.printf(Locale.ROOT, "%s: %,d distinct texts embedded by %s on %s (%s, %s s)%n", input, r.realVectors(), r.model(),
                r.engine(), r.embeddings().name().toLowerCase(Locale.ROOT), fmt(r.encode().wallSeconds()));
        if (r.vectors() > r.realVectors()) {
            out.printf(Locale.ROOT, "%,d vectors: the %,d real ones and %,d randomly rotated copies of them (synthetic)%n", r.vectors(),
                    r.realVectors(), r.vectors() - r.realVectors());
        }
        CandidateSearch.Candidates c = r.candidates();
        out.printf(Locale.ROOT, "candidates: %s, top-%d, cosine >= %.2f: %,d pairs; %,d comparisons of %,d pairs (%.2f%%)%n",
                c.description(), topK, threshold, c.pairs().size(), c.comparisons(), all, 100.0 * c.comparisons() / all);
        TextTable t = new TextTable("stage", "wall s", "CPU s", "detail");
        if (c.method() == CandidateSearch.Method.HNSW) {
            row(t, "build HNSW", c.index(), "");
            row(t, "search neighbours", c.search(), "");
            row(t, "candidates in all", sum(c.index(), c.search()), String.format(Locale.ROOT, "%.1f comparisons per vector",
                    (double) c.comparisons() / r.vectors()));
        } else {
            row(t, "compare all pairs", c.search(), "");
        }
        if (r.sample() != null) {
            row(t, "all pairs of a sample", r.sample().time(), String.format(Locale.ROOT, "%,d vectors, %,d pairs, %.2f ns CPU per pair",
                    r.sample().texts(), r.sample().comparisons(), r.sample().cpuNanosPerPair()));
        }
        if (r.bruteForce() != null && r.bruteForce() != c) {
            row(t, "all pairs of all vectors", r.bruteForce().search(), String.format(Locale.ROOT, "%,d candidates", r.bruteForce().pairs().size()));
        }
        t.print(out);
        double[] bf = r.allPairsNanos();
        StageTime cand = sum(c.index(), c.search());
        double ratio = bf[1] / cand.cpuNanos();
        out.printf(Locale.ROOT, "all %,d pairs by brute force: %s s wall, %s s CPU (%s); candidate generation: %s s wall, %s s CPU"
                + " (%s)%n", all, fmt(bf[0] / 1e9), fmt(bf[1] / 1e9), r.bruteForce() != null ? "measured"
                : "extrapolated from the sample", fmt(cand.wallSeconds()), fmt(cand.cpuSeconds()), Double.isNaN(ratio) ? "n/a"
                : ratio >= 1 ? String.format(Locale.ROOT, "%.1fx less CPU than brute force", ratio)
                : String.format(Locale.ROOT, "%.1fx the CPU of brute force", 1 / ratio));
        if (!Double.isNaN(r.candidateRecall())) {
            out.printf(Locale.ROOT, "%s found %.2f%% of the brute force's candidate pairs%n", c.description(), 100 * r.candidateRecall());
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("input", input.toString());
        j.put("model", r.model());
        j.put("engine", r.engine());
        j.put("realVectors", r.realVectors());
        j.put("vectors", r.vectors());
        j.put("method", c.description());
        j.put("topK", topK);
        j.put("threshold", threshold);
        j.put("candidates", c.pairs().size());
        j.put("comparisons", c.comparisons());
        j.put("allPairs", all);
        j.put("buildWallSeconds", c.index().wallSeconds());
        j.put("buildCpuSeconds", c.index().cpuSeconds());
        j.put("searchWallSeconds", c.search().wallSeconds());
        j.put("searchCpuSeconds", c.search().cpuSeconds());
        j.put("sampleVectors", r.sample() == null ? null : r.sample().texts());
        j.put("sampleCpuNanosPerPair", r.sample() == null ? null : r.sample().cpuNanosPerPair());
        j.put("bruteForceMeasured", r.bruteForce() != null);
        j.put("bruteForceWallSeconds", bf[0] / 1e9);
        j.put("bruteForceCpuSeconds", bf[1] / 1e9);
        j.put("candidateRecall", r.candidateRecall());
        JsonOutput.write(json, j);
        return 0;
    }

    private HnswParams hnswParams() {
        if (hnsw == null) {
            return DedupService.HNSW_DEFAULTS;
        }
        if (hnsw.size() != 3) {
            throw new IllegalArgumentException("--hnsw takes M,efConstruction,ef (three numbers), got " + hnsw);
        }
        return new HnswParams(hnsw.get(0), hnsw.get(1), hnsw.get(2));
    }

    private static StageTime sum(StageTime a, StageTime b) {
        return new StageTime(a.wallNanos() + b.wallNanos(), a.cpuNanos() < 0 || b.cpuNanos() < 0 ? -1 : a.cpuNanos() + b.cpuNanos());
    }

    private static void row(TextTable t, String name, StageTime time, String detail) {
        t.row(name, fmt(time.wallSeconds()), fmt(time.cpuSeconds()), detail);
    }

    private static String fmt(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.2f", seconds);
    }
}

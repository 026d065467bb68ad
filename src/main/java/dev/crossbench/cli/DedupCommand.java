package dev.crossbench.cli;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupInput;
import dev.crossbench.app.DedupResult;
import dev.crossbench.app.DedupService;
import dev.crossbench.app.DedupSettings;
import dev.crossbench.bench.StageTime;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.DedupFiles;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.GoldPairs;
import dev.crossbench.data.GoldPairsReader;
import dev.crossbench.data.PairReader;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dedup", description = "Find duplicate and paraphrased texts without comparing all pairs: bi-encoder neighbours"
        + " (exact or HNSW), optional cross-encoder verification, clusters; with --gold, precision/recall/F1 by threshold.")
final class DedupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Bi-encoder: built-in name, folder or hub id.")
    String model;

    @Mixin
    CrossOptions cross;

    static final class Input {
        @Option(names = "--input", description = "Texts: .txt (one per line, id = line number), BEIR corpus.jsonl, or CSV/TSV with id and text columns.")
        Path texts;

        @Option(names = "--input-pairs", description = "A labeled pairs file (STS-B TSV, CSV/TSV/JSONL pairs): its distinct sentences, ids s1, s2, ... in order of first appearance.")
        Path pairs;

        Path file() {
            return texts != null ? texts : pairs;
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--doc-format", defaultValue = "title+text",
            description = "What the model reads of a corpus document: title+text or text. Default: ${DEFAULT-VALUE}")
    String docFormat;

    @Option(names = "--threshold", defaultValue = "0.85", description = "Cosine at or above which a pair is a duplicate, in [-1, 1]. Default: ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--cross-threshold", defaultValue = "0.5", description = "With --cross: the cross-encoder score (sigmoid, [0, 1]) a pair must also reach. Default: ${DEFAULT-VALUE}")
    double crossThreshold;

    @Option(names = "--top-k", defaultValue = "10", description = "Nearest neighbours looked at per text. Default: ${DEFAULT-VALUE}")
    int topK;

    @Option(names = "--index", defaultValue = "auto",
            description = "exact (all pairs), hnsw, or auto (exact up to " + DedupService.EXACT_MAX_TEXTS + " distinct texts). Default: ${DEFAULT-VALUE}")
    String index;

    @Option(names = "--all-pairs-sample", defaultValue = "5000",
            description = "With HNSW: compare all pairs of this many random texts, timed, to extrapolate brute force (0: skip). Default: ${DEFAULT-VALUE}")
    int allPairsSample;

    @Option(names = "--pairs-out", description = "Duplicate pairs as CSV: id1,id2,text1,text2,bi_score[,cross_score].")
    Path pairsOut;

    @Option(names = "--clusters-out", description = "Clusters (connected components of the duplicate pairs) as JSON Lines.")
    Path clustersOut;

    @Option(names = "--gold", description = "Gold duplicates: CSV/TSV with id1,id2 (or qid1,qid2) columns and an optional 0/1 is_duplicate/label column, or a labeled pairs file (see --gold-min-score).")
    Path gold;

    @Option(names = "--gold-min-score", defaultValue = "4.0", description = "In a labeled pairs --gold file, pairs scored at least this are duplicates. Default: ${DEFAULT-VALUE}")
    double goldMinScore;

    @Option(names = "--sweep", defaultValue = "0.70,0.75,0.80,0.85,0.90,0.95", split = ",",
            description = "With --gold: cosine thresholds to score. Default: ${DEFAULT-VALUE}")
    List<Double> sweep;

    @Option(names = "--cross-sweep", defaultValue = "0.3,0.5,0.6,0.7,0.8,0.9", split = ",",
            description = "With --gold and --cross: cross-encoder thresholds to score, on the candidates at the lowest --sweep threshold. Default: ${DEFAULT-VALUE}")
    List<Double> crossSweep;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the report as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input(input.texts != null ? "--input" : "--input-pairs", input.file()).input("--gold", gold)
                .model("--model", model).model("--cross", cross.cross)
                .output("--pairs-out", pairsOut).output("--clusters-out", clustersOut).output("--json", json).check();
        double lowest = gold == null ? threshold : Math.min(threshold, sweep.stream().mapToDouble(Double::doubleValue).min().orElse(threshold));
        DedupSettings settings = DedupSettings.DEFAULTS.withThresholds(threshold, crossThreshold, lowest).withTopK(topK)
                .withIndex(DedupSettings.IndexMode.parse(index), DedupService.HNSW_DEFAULTS).withAllPairsSample(allPairsSample);
        List<AcceptRule> sweepRules = gold == null ? List.of() : sweepRules();
        List<AcceptRule> verifiedRules = gold == null || !cross.present() ? sweepRules : withCross(sweepRules); // checked now
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long r0 = System.nanoTime();
        Corpus corpus = input.texts != null ? CorpusReader.read(input.texts) : DedupService.sentencesOf(PairReader.read(input.pairs));
        DedupInput in = DedupInput.of(corpus, DocumentFormat.parse(docFormat));
        GoldPairs goldPairs = gold == null ? null : GoldPairsReader.read(gold, goldMinScore);
        long readNanos = System.nanoTime() - r0;
        out.printf(Locale.ROOT, "%s: %,d texts, %,d distinct (%,d exact copies of %,d texts)%n", input.file(), in.rows(),
                in.groups().groups(), in.groups().copies(), in.groups().repeatedTexts());

        PhaseProgress progress = new PhaseProgress(err);
        DedupResult r;
        try (BiEncoder bi = in.needsModels() ? modelOptions.open(err, model, modelOptions.overrides()) : null;
                CrossEncoder ce = in.needsModels() && cross.present() ? cross.open(err) : null) {
            r = DedupService.standard().run(in, bi, ce, settings, progress, () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.done();
        }
        if (!in.needsModels()) {
            out.println(in.rows() == 1 ? "one text: nothing to compare" : "all texts are identical: one cluster, no model run");
        }
        AcceptRule rule = r.verified() ? new AcceptRule(threshold, crossThreshold) : AcceptRule.biOnly(threshold);
        Clusters clusters = r.clusters(rule);
        int accepted = r.accepted(rule).size();
        printSummary(out, r, rule, accepted, clusters, readNanos);

        if (pairsOut != null) {
            DedupFiles.writePairs(pairsOut, r.pairRows(rule), r.verified());
            out.printf("wrote %s%n", pairsOut);
        }
        if (clustersOut != null) {
            DedupFiles.writeClusters(clustersOut, r.clusterRows(clusters));
            out.printf("wrote %s%n", clustersOut);
        }
        DedupEvaluation eval = null;
        if (goldPairs != null) {
            eval = DedupEvaluation.evaluate(r, goldPairs, r.verified() ? verifiedRules : sweepRules);
            printEvaluation(out, eval, r.verified());
        }
        JsonOutput.write(json, json(r, rule, accepted, clusters, readNanos, eval));
        return 0;
    }

    /** Bi alone at every --sweep threshold. */
    private List<AcceptRule> sweepRules() {
        List<AcceptRule> rules = new ArrayList<>();
        for (double t : sweep) {
            rules.add(AcceptRule.biOnly(t));
        }
        return rules;
    }

    /** Each bi-alone rule, then each with the cross threshold, then the cross sweep at the lowest cosine threshold. */
    private List<AcceptRule> withCross(List<AcceptRule> biOnly) {
        List<AcceptRule> rules = new ArrayList<>(biOnly);
        biOnly.forEach(b -> rules.add(new AcceptRule(b.biThreshold(), crossThreshold)));
        double lowest = biOnly.stream().mapToDouble(AcceptRule::biThreshold).min().orElse(threshold);
        crossSweep.forEach(c -> rules.add(new AcceptRule(lowest, c)));
        return rules;
    }

    private static void printSummary(PrintWriter out, DedupResult r, AcceptRule rule, int accepted, Clusters clusters, long readNanos) {
        long all = r.allPairCount();
        if (r.candidates() != null) {
            out.printf(Locale.ROOT, "model %s on %s%s%n", r.model(), r.engine(),
                    r.verified() ? "; cross-encoder " + r.crossEncoder() + " on " + r.crossEngine() : "");
            out.printf(Locale.ROOT, "candidates: %s, top-%d neighbours per text, cosine >= %.2f: %,d pairs%n",
                    r.candidates().description(), r.settings().topK(), r.settings().candidateThreshold(), r.pairs().size());
        }
        out.printf(Locale.ROOT, "comparisons: %,d of %,d pairs of texts (%s)%n", r.comparisons(), all, percent(r.comparisons(), all));
        out.printf(Locale.ROOT, "duplicates (%s): %,d pairs of distinct texts + %,d exact copies%n", describe(rule), accepted,
                r.groups().copies());
        out.printf(Locale.ROOT, "clusters (connected components of those pairs): %,d of 2+ texts, largest %,d, %,d texts in"
                + " clusters, %,d in none%n", clusters.list().size(), clusters.largest(), clusters.clusteredRows(),
                r.rows() - clusters.clusteredRows());
        TextTable t = new TextTable("stage", "wall s", "CPU s", "detail");
        t.row("read input", secs(readNanos), "", "");
        if (r.candidates() != null) {
            stage(t, "encode", r.encode(), r.groups().groups() + " distinct texts, embeddings "
                    + r.embeddings().name().toLowerCase(Locale.ROOT));
            if (r.candidates().method() == CandidateSearch.Method.HNSW) {
                stage(t, "build HNSW", r.candidates().index(), "");
                stage(t, "search neighbours", r.candidates().search(), "");
            } else {
                stage(t, "compare all pairs", r.candidates().search(), "");
            }
            if (r.verified()) {
                double[] per = r.crossNanosPerPair();
                stage(t, "cross-encoder", r.cross(), String.format(Locale.ROOT, "%,d candidates, %.2f ms each (CPU %.2f ms)",
                        r.pairs().size(), per[0] / 1e6, per[1] / 1e6));
            }
            if (r.allPairs() != null && !r.allPairs().whole()) {
                stage(t, "all pairs of a sample", r.allPairs().time(), String.format(Locale.ROOT, "%,d pairs of %,d random texts",
                        r.allPairs().comparisons(), r.allPairs().texts()));
            }
        }
        t.print(out);
        if (r.allPairs() != null) {
            DedupResult.AllPairsCost a = r.allPairs();
            double[] bf = r.bruteForceBiNanos();
            out.printf(Locale.ROOT, "brute force, all %,d pairs, bi-encoder cosines: %s wall, %s CPU (%.1f ns per pair, %s;"
                    + " encoding not included)%n", all, duration(bf[0]), duration(bf[1]), a.nanosPerPair(),
                    a.whole() ? "measured" : "extrapolated from the sample");
        }
        if (r.verified() && !r.pairs().isEmpty()) {
            double[] bf = r.bruteForceCrossNanos();
            out.printf(Locale.ROOT, "brute force, all %,d pairs, cross-encoder: %s wall, %s CPU (extrapolated from its cost per"
                    + " candidate)%n", all, duration(bf[0]), duration(bf[1]));
        }
    }

    private static void stage(TextTable t, String name, StageTime time, String detail) {
        t.row(name, String.format(Locale.ROOT, "%.2f", time.wallSeconds()),
                Double.isNaN(time.cpuSeconds()) ? "n/a" : String.format(Locale.ROOT, "%.2f", time.cpuSeconds()), detail);
    }

    private static void printEvaluation(PrintWriter out, DedupEvaluation e, boolean verified) {
        GoldPairs g = e.source();
        out.printf(Locale.ROOT, "%ngold: %s: %,d of %,d rows are duplicates (%s); %,d pairs of input rows", g.file(), g.pairs().size(),
                g.rows(), g.rule(), e.gold().size());
        if (e.unmatched() > 0 || e.sameRow() > 0) {
            out.printf(Locale.ROOT, " (%,d left out: a side not in the input; %,d with both sides the same text)", e.unmatched(), e.sameRow());
        }
        out.printf(Locale.ROOT, "%n%,d of them are among the candidates (the most any threshold can find)%n", e.reachable());
        TextTable t = new TextTable("rule", "claimed pairs", "precision", "recall", "F1", "judged claims", "judged P",
                "judged F1", "cluster P", "cluster R", "cluster F1");
        for (DedupEvaluation.Row row : e.rows()) {
            PairCounts p = row.pairs();
            PairCounts c = row.clusters();
            t.row(describe(row.rule()), String.format(Locale.ROOT, "%,d", p.predicted()), pct(p.precision()), pct(p.recall()),
                    pct(p.f1()), p.judgedClaimed() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", p.judgedClaimed()),
                    pct(p.judgedPrecision()), pct(p.judgedF1()), pct(c.precision()), pct(c.recall()), pct(c.f1()));
        }
        t.print(out);
        out.println("x100, over pairs of input rows. precision counts every claimed pair the gold does not mark as a duplicate as"
                + " wrong; judged P only those the gold file judges (a pair nobody judged may still be a duplicate). cluster:"
                + " every two rows of a cluster count as claimed.");
    }

    private static String describe(AcceptRule rule) {
        return String.format(Locale.ROOT, "cosine >= %.2f", rule.biThreshold())
                + (rule.verifies() ? String.format(Locale.ROOT, " and cross >= %.2f", rule.crossThreshold()) : "");
    }

    private static Map<String, Object> json(DedupResult r, AcceptRule rule, int accepted, Clusters clusters, long readNanos,
            DedupEvaluation eval) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("input", r.input().corpus().source() == null ? null : r.input().corpus().source().toString());
        j.put("texts", r.rows());
        j.put("distinctTexts", r.groups().groups());
        j.put("exactCopies", r.groups().copies());
        j.put("model", r.model());
        j.put("engine", r.engine());
        j.put("crossEncoder", r.crossEncoder());
        j.put("crossEngine", r.crossEngine());
        j.put("method", r.candidates() == null ? null : r.candidates().description());
        j.put("topK", r.settings().topK());
        j.put("candidateThreshold", r.settings().candidateThreshold());
        j.put("threshold", rule.biThreshold());
        j.put("crossThreshold", rule.crossThreshold());
        j.put("candidates", r.pairs().size());
        j.put("acceptedPairs", accepted);
        j.put("clusters", clusters.list().size());
        j.put("largestCluster", clusters.largest());
        j.put("textsInClusters", clusters.clusteredRows());
        j.put("comparisons", r.comparisons());
        j.put("allPairs", r.allPairCount());
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("read", Map.of("wallSeconds", readNanos / 1e9));
        stages.put("encode", time(r.encode()));
        stages.put("buildIndex", time(r.candidates() == null ? StageTime.ZERO : r.candidates().index()));
        stages.put("neighbours", time(r.candidates() == null ? StageTime.ZERO : r.candidates().search()));
        stages.put("crossEncoder", time(r.cross()));
        j.put("stages", stages);
        if (r.allPairs() != null) {
            Map<String, Object> bf = new LinkedHashMap<>();
            bf.put("sampleTexts", r.allPairs().texts());
            bf.put("sampleComparisons", r.allPairs().comparisons());
            bf.put("sample", time(r.allPairs().time()));
            bf.put("measuredOnWholeInput", r.allPairs().whole());
            bf.put("nanosPerPair", r.allPairs().nanosPerPair());
            bf.put("cpuNanosPerPair", r.allPairs().cpuNanosPerPair());
            bf.put("biEncoderSeconds", r.bruteForceBiNanos()[0] / 1e9);
            bf.put("biEncoderCpuSeconds", r.bruteForceBiNanos()[1] / 1e9);
            bf.put("crossEncoderMillisPerPair", r.crossNanosPerPair()[0] / 1e6);
            bf.put("crossEncoderCpuMillisPerPair", r.crossNanosPerPair()[1] / 1e6);
            bf.put("crossEncoderSeconds", r.bruteForceCrossNanos()[0] / 1e9);
            bf.put("crossEncoderCpuSeconds", r.bruteForceCrossNanos()[1] / 1e9);
            j.put("bruteForce", bf);
        }
        if (eval != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("file", eval.source().file().toString());
            g.put("rule", eval.source().rule());
            g.put("goldPairs", eval.gold().size());
            g.put("leftOut", eval.unmatched());
            g.put("sameText", eval.sameRow());
            g.put("reachable", eval.reachable());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DedupEvaluation.Row row : eval.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("threshold", row.rule().biThreshold());
                m.put("crossThreshold", row.rule().crossThreshold());
                m.put("pairs", counts(row.pairs()));
                m.put("clusters", counts(row.clusters()));
                rows.add(m);
            }
            g.put("rows", rows);
            j.put("gold", g);
        }
        return j;
    }

    private static Map<String, Object> time(StageTime t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallSeconds", t.wallSeconds());
        m.put("cpuSeconds", t.cpuSeconds());
        return m;
    }

    private static Map<String, Object> counts(PairCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimed", c.predicted());
        m.put("gold", c.gold());
        m.put("truePositives", c.truePositives());
        m.put("precision", c.precision());
        m.put("recall", c.recall());
        m.put("f1", c.f1());
        m.put("judgedClaimed", c.judgedClaimed() < 0 ? null : c.judgedClaimed());
        m.put("judgedPrecision", c.judgedPrecision());
        m.put("judgedF1", c.judgedF1());
        return m;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.3g%%", 100.0 * part / whole);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v * 100);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /** Seconds, minutes, hours or days, whichever reads best. */
    private static String duration(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        double s = nanos / 1e9;
        if (s < 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        if (s < 172800) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", s / 86400);
    }
}

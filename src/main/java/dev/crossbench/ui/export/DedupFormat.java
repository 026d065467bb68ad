package dev.crossbench.ui.export;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupResult;
import dev.crossbench.bench.StageTime;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.dedup.TextGroups;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.DedupOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Dedup view's words and numbers, shared with the report's Dedup section (no JavaFX): what was compared and at
 * what cost, what a rule accepts, its precision and recall against gold, and the clusters as rows.
 */
public final class DedupFormat {
    /** One cluster as a table row, with the lines of its detail. */
    public record ClusterLine(int number, int size, int pairs, String minScore, String texts, List<String> detail) {}

    private DedupFormat() {}

    /** Texts, candidates and comparisons vs n(n-1)/2, and the time per stage. */
    public static List<String> summary(DedupOutcome o) {
        DedupResult r = o.result();
        TextGroups g = r.groups();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %,d texts, %,d distinct, %,d exact copies", o.input(), r.rows(), g.groups(), g.copies())
                + (r.model() == null ? "; nothing to compare, no model ran" : " · " + r.model() + " on " + r.engine())
                + (r.verified() ? " · verified by " + r.crossEncoder() : ""));
        long all = r.allPairCount();
        String candidates = r.candidates() == null ? "no candidates"
                : String.format(Locale.ROOT, "%,d candidate pairs (%s, top-%d per text, cosine >= %.2f)", r.pairs().size(),
                        r.candidates().description(), r.settings().topK(), r.settings().candidateThreshold());
        lines.add(candidates + String.format(Locale.ROOT, " · comparisons done: %,d of n(n-1)/2 = %,d (%s)", r.comparisons(), all,
                percent(r.comparisons(), all)));
        lines.add(String.join(" · ", stages(r)));
        return lines;
    }

    private static List<String> stages(DedupResult r) {
        List<String> s = new ArrayList<>();
        if (r.candidates() == null) {
            return List.of("no model ran");
        }
        s.add("encode " + time(r.encode()) + " (embeddings " + r.embeddings().name().toLowerCase(Locale.ROOT) + ")");
        if (r.candidates().method() == CandidateSearch.Method.HNSW) {
            s.add("build HNSW " + time(r.candidates().index()));
            s.add("search " + time(r.candidates().search()));
        } else {
            s.add("compare all pairs " + time(r.candidates().search()));
        }
        if (r.verified()) {
            s.add("cross-encoder " + time(r.cross()));
        }
        return s;
    }

    /** What a rule accepts and the clusters it makes. */
    public static String accepted(DedupResult r, AcceptRule rule, int acceptedPairs, Clusters c) {
        return String.format(Locale.ROOT, "%s: %,d duplicate pairs + %,d exact copies · %,d clusters, largest %,d, %,d texts in clusters",
                rule(rule), acceptedPairs, r.groups().copies(), c.list().size(), c.largest(), c.clusteredRows());
    }

    public static String rule(AcceptRule rule) {
        return String.format(Locale.ROOT, "cosine >= %.2f", rule.biThreshold())
                + (rule.verifies() ? String.format(Locale.ROOT, " and cross >= %.2f", rule.crossThreshold()) : "");
    }

    /** Where the gold came from and how much of it the candidates can reach. */
    public static String gold(DedupEvaluation e) {
        String file = e.source().file() == null ? "the loaded pairs" : String.valueOf(e.source().file().getFileName());
        return String.format(Locale.ROOT, "gold: %s, %s: %,d pairs of input rows, %,d among the candidates (the most any threshold finds)",
                file, e.source().rule(), e.gold().size(), e.reachable())
                + (e.unmatched() > 0 ? String.format(Locale.ROOT, "; %,d left out (a side not in the input)", e.unmatched()) : "");
    }

    /** Precision, recall, F1 and judged precision x100 over pairs, then over clusters. */
    public static String scores(DedupEvaluation.Row row) {
        PairCounts p = row.pairs();
        PairCounts c = row.clusters();
        return String.format(Locale.ROOT, "precision %s · recall %s · F1 %s · judged P %s   (clusters: P %s, R %s, F1 %s)",
                pct(p.precision()), pct(p.recall()), pct(p.f1()), pct(p.judgedPrecision()), pct(c.precision()), pct(c.recall()),
                pct(c.f1()));
    }

    /** x100 with two decimals, as the CLI prints it. */
    public static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v * 100);
    }

    /** The clusters under a rule, largest first, each with its texts and the accepted pairs inside it. */
    public static List<ClusterLine> clusters(DedupResult r, List<CandidatePair> accepted, Clusters clusters) {
        List<List<CandidatePair>> pairsOf = new ArrayList<>();
        clusters.list().forEach(c -> pairsOf.add(new ArrayList<>()));
        for (CandidatePair p : accepted) {
            pairsOf.get(clusters.clusterOf(r.groups().firstRow(p.a()))).add(p);
        }
        List<ClusterLine> out = new ArrayList<>(clusters.list().size());
        for (int i = 0; i < clusters.list().size(); i++) {
            Clusters.Cluster c = clusters.list().get(i);
            List<String> detail = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int row : c.rows()) {
                String text = r.input().texts().get(row);
                texts.add(text);
                detail.add(r.input().id(row) + ": " + text);
            }
            for (CandidatePair p : pairsOf.get(i)) {
                detail.add(String.format(Locale.ROOT, "  cosine %.3f%s  %s ~ %s", p.biScore(),
                        p.isVerified() ? String.format(Locale.ROOT, ", cross %.3f", p.crossScore()) : "",
                        r.input().id(r.groups().firstRow(p.a())), r.input().id(r.groups().firstRow(p.b()))));
            }
            out.add(new ClusterLine(i + 1, c.size(), c.pairs(), String.format(Locale.ROOT, "%.3f", c.minBiScore()),
                    Formats.clip(String.join("  |  ", texts), 400), List.copyOf(detail)));
        }
        return out;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.3g%%", 100.0 * part / whole);
    }

    private static String time(StageTime t) {
        return String.format(Locale.ROOT, "%.2f s", t.wallSeconds())
                + (Double.isNaN(t.cpuSeconds()) ? "" : String.format(Locale.ROOT, " (CPU %.2f s)", t.cpuSeconds()));
    }
}

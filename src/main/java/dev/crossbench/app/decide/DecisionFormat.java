package dev.crossbench.app.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How decide's numbers read, the same in the terminal, the workbench and the report. */
public final class DecisionFormat {
    private DecisionFormat() {}

    /** A duration given in milliseconds: "180 µs", "9.1 ms", "310 ms", "2.4 s", "7.0 min", "3.2 h", "12 days". */
    public static String duration(double millis) {
        if (!Double.isFinite(millis)) {
            return "n/a";
        }
        if (millis < 1) {
            return trim(millis * 1e3) + " µs";
        }
        if (millis < 1e3) {
            return trim(millis) + " ms";
        }
        double s = millis / 1e3;
        if (s < 60) {
            return trim(s) + " s";
        }
        if (s < 3600) {
            return trim(s / 60) + " min";
        }
        if (s < 86400 * 2) {
            return trim(s / 3600) + " h";
        }
        return trim(s / 86400) + " days";
    }

    /** Three significant digits at most, no trailing zeros: 9.12, 91.2, 912, 9120. */
    static String trim(double v) {
        String s;
        if (v >= 100) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (v >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.2f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** "1.54 GB", "8.0 MB". */
    public static String bytes(double b) {
        if (b >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (b >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
    }

    /** "1,000,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** nDCG@10 and recall as points: 0.64508 -> "64.51". */
    public static String points(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v * 100) : "n/a";
    }

    /** Milliseconds with two decimals below 100, none above: the table's columns. */
    public static String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return "n/a";
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }

    /** The measured table's columns. */
    public static List<String> tableHeader(Decision d) {
        String at = "@" + count(d.targetCorpusSize());
        return List.of("configuration", "engine", "queries", "nDCG@10", "Recall@10", "Recall@100", "p50 ms", "p95 ms", "p50 ms " + at,
                "p95 ms " + at, "Pareto");
    }

    /** The measured table as shown: points x100, milliseconds, * where not timed. */
    public static List<List<String>> tableRows(Decision d) {
        List<List<String>> rows = new ArrayList<>();
        for (Decision.Configuration c : d.configurations()) {
            boolean q = c.hasQuality();
            String star = c.measured().extrapolated() ? "*" : "";
            String starN = c.atTarget().extrapolated() ? "*" : "";
            rows.add(List.of(c.name(), c.engine(), q ? Integer.toString(c.quality().queries()) : "0",
                    q ? points(c.quality().ndcg10()) : "n/a", q ? points(c.quality().recall10()) : "n/a",
                    q ? points(c.quality().recall100()) : "n/a", millis(c.measured().p50Millis()) + star,
                    millis(c.measured().p95Millis()) + star, millis(c.atTarget().p50Millis()) + starN,
                    millis(c.atTarget().p95Millis()) + starN, c.pareto() ? "yes" : ""));
        }
        return rows;
    }


    /** What each model costs at the target size, one line per model: the figures the recommendation rests on. */
    public static List<String> costLines(Decision d) {
        List<String> out = new ArrayList<>();
        String n = count(d.targetCorpusSize());
        for (Decision.BiEncoderCost b : d.biEncoders()) {
            Decision.IndexScaling s = b.scaling();
            out.add(String.format(Locale.ROOT, "%s (%s): encoding %s documents takes %s at %.1f documents/s (measured %s);"
                    + " index memory: exact %s (%s x %d x 4 bytes), %s %s with its links; HNSW build %s (%s);"
                    + " search p50: exact %s (%s), HNSW %s (%s)", b.model(), b.engine(), n, duration(b.encodeSecondsAtTarget() * 1e3),
                    b.encode().textsPerSecond(), b.encode().basis(), bytes(b.exactBytesAtTarget()), n, b.dimension(), s.hnsw(),
                    bytes(b.hnswBytesAtTarget()), duration(s.hnswBuildSeconds().atTarget() * 1e3), s.hnswBuildSeconds().form(),
                    duration(s.exactP50().atTarget()), s.exactP50().form(), duration(s.hnswP50().atTarget()), s.hnswP50().form()));
        }
        for (Decision.CrossEncoderCost c : d.crossEncoders()) {
            out.add(String.format(Locale.ROOT, "%s (%s): %s per candidate (p50; p95 %s), from %s; alone over %s documents: %s per query",
                    c.model(), c.engine(), duration(c.perCandidateP50Millis()), duration(c.perCandidateP95Millis()), c.basis(), n,
                    duration(c.perQueryAtTargetP50Millis())));
        }
        return out;
    }
}

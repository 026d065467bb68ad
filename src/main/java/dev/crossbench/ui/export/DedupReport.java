package dev.crossbench.ui.export;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.data.DedupFiles;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.report.ChartPng;
import dev.crossbench.report.DecisionReport;
import dev.crossbench.report.Html;
import dev.crossbench.report.Table;
import dev.crossbench.ui.charts.DedupCharts;
import dev.crossbench.ui.workspace.DedupOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dedup view's result as a report section and CSV tables, at the thresholds the view applies: the summary
 * (comparisons vs n(n-1)/2, time per stage), what the rule accepts, precision/recall by threshold with the chart
 * when there was gold, and the largest clusters.
 */
public final class DedupReport {
    public static final String CHART_NAME = "dedup-precision-recall";
    private static final int CLUSTERS_SHOWN = 20;

    private DedupReport() {}

    public static String section(DedupOutcome o, AcceptRule rule) {
        List<CandidatePair> accepted = o.result().accepted(rule);
        Clusters clusters = Clusters.of(o.result().groups(), accepted);
        StringBuilder html = new StringBuilder("<h2>Deduplication</h2><p class=\"muted\">");
        html.append(String.join("<br>", DedupFormat.summary(o).stream().map(Html::esc).toList())).append("</p><p><b>")
                .append(Html.esc(DedupFormat.accepted(o.result(), rule, accepted.size(), clusters))).append("</b></p>");
        if (o.hasGold()) {
            html.append("<p>").append(Html.esc(DedupFormat.gold(o.sweep()))).append("<br>")
                    .append(Html.esc(DedupFormat.scores(o.at(rule)))).append("</p>");
            html.append(ChartPng.imgTag(CHART_NAME, DedupCharts.precisionRecall(o.sweep(), rule.biThreshold()), 720, 420));
            Table t = thresholds(o.sweep());
            html.append(Html.table(t.header(), t.rows().stream().filter(r -> isTwentieth(r.get(0))).toList()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (DedupFormat.ClusterLine c : DedupFormat.clusters(o.result(), accepted, clusters)) {
            if (rows.size() == CLUSTERS_SHOWN) {
                break;
            }
            rows.add(List.of(Integer.toString(c.number()), Integer.toString(c.size()), Integer.toString(c.pairs()), c.minScore(), c.texts()));
        }
        html.append("<h3>Largest clusters (").append(rows.size()).append(" of ").append(clusters.list().size()).append(")</h3>");
        html.append(Html.table(List.of("#", "size", "pairs", "min cosine", "texts"), rows));
        return html.toString();
    }

    /** Thresholds 0.05 apart in the report; the CSV has every 0.01. */
    private static boolean isTwentieth(String threshold) {
        return Math.round(Double.parseDouble(threshold) * 100) % 5 == 0;
    }

    /** Precision, recall and F1 (pairs and clusters) at every cosine threshold of the sweep, full precision. */
    public static Table thresholds(DedupEvaluation sweep) {
        List<List<String>> rows = new ArrayList<>();
        for (DedupEvaluation.Row r : sweep.rows()) {
            PairCounts p = r.pairs();
            PairCounts c = r.clusters();
            rows.add(List.of(String.format(java.util.Locale.ROOT, "%.2f", r.rule().biThreshold()), Long.toString(p.predicted()),
                    Long.toString(p.truePositives()), Double.toString(p.precision()), Double.toString(p.recall()),
                    Double.toString(p.f1()), Double.toString(p.judgedPrecision()), Double.toString(c.precision()),
                    Double.toString(c.recall()), Double.toString(c.f1())));
        }
        return new Table("dedup-thresholds", List.of("threshold", "claimed_pairs", "true_positives", "precision", "recall", "f1",
                "judged_precision", "cluster_precision", "cluster_recall", "cluster_f1"), rows);
    }

    /** Every cluster at the rule, as the clusters file has them (ids and texts joined with " | "). */
    public static Table clusters(DedupOutcome o, AcceptRule rule) {
        List<List<String>> rows = new ArrayList<>();
        for (DedupFiles.ClusterRow c : o.result().clusterRows(o.result().clusters(rule))) {
            rows.add(List.of(Integer.toString(c.number()), Integer.toString(c.ids().size()), Integer.toString(c.pairs()),
                    Double.toString(c.minBiScore()), String.join(" | ", c.ids()), String.join(" | ", c.texts())));
        }
        return new Table("dedup-clusters", List.of("cluster", "size", "pairs", "min_bi_score", "ids", "texts"), rows);
    }
}

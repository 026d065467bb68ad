package dev.crossbench.report;

import dev.crossbench.app.decide.Decision.BiEncoderCost;
import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision.ScalePoint;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.app.decide.DecisionFormat;
import dev.crossbench.data.AtomicFile;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decide's result as HTML: the recommendation per budget with its evidence (the measured table, the
 * quality-vs-latency chart with the budgets and the Pareto front, the extrapolated costs and the measured points
 * they rest on). A section of the workbench's report, or a page of its own for {@code decide --html}; it uses no
 * JavaFX, so the command line writes the same page.
 */
public final class DecisionReport {
    public static final String CHART_NAME = "decide-quality-vs-latency";
    private final StringBuilder html = new StringBuilder();

    private DecisionReport() {}

    /** A whole page, written atomically. */
    public static void writePage(Decision d, Path file) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Crossbench: decide</title><style>"
                + "body{font-family:sans-serif;max-width:1200px;margin:24px auto;color:#1f2937}"
                + "table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #d1d5db;padding:4px 8px;font-size:13px;text-align:left}"
                + "th{background:#f3f4f6}img{max-width:100%}.muted{color:#6b7280;font-size:13px}</style></head><body>"
                + "<h1>Crossbench: which configuration?</h1><p class=\"muted\">"
                + Html.esc(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)) + "</p>" + section(d) + "</body></html>\n";
        AtomicFile.writeText(file, "HTML report", w -> w.write(page));
    }

    /** The section for a report: headings from h2 down. */
    public static String section(Decision d) {
        return new DecisionReport().render(d);
    }

    private String render(Decision d) {
        Decision.Data data = d.data();
        String at = DecisionFormat.count(d.targetCorpusSize());
        html.append("<h2>Decide: bi-encoder, two-stage or cross-encoder</h2><p class=\"muted\">")
                .append(Html.esc(data.corpus())).append(": ").append(DecisionFormat.count(data.documents())).append(" documents; ")
                .append(data.sampledQueries()).append(" of ").append(data.judgedQueries()).append(" judged queries (seed ")
                .append(data.seed()).append("); ").append(Html.esc(data.machine())).append("</p>");
        html.append("<h3>Recommendation (p95 latency per query at ").append(at).append(" documents)</h3><ul>");
        for (Decision.Recommendation r : d.recommendations()) {
            html.append("<li><b>").append(Html.esc(r.budget().label())).append("</b>: ").append(Html.esc(r.summary())).append("</li>");
        }
        html.append("</ul><p>").append(Html.esc(d.ruleOfThumb())).append("</p>");
        html.append(ChartPng.imgTag(CHART_NAME, DecisionCharts.qualityVsLatency(d), 960, 560));
        html.append("<h3>Measured</h3>");
        table(DecisionFormat.tableHeader(d), DecisionFormat.tableRows(d));
        html.append("<p class=\"muted\">nDCG@10 and Recall x100; latency per query = query encoding + search (+ rerank of the top K),"
                + " one query at a time; * = extrapolated, not timed.</p>");
        html.append("<h3>Costs at ").append(at).append(" documents (extrapolated)</h3><ul>");
        DecisionFormat.costLines(d).forEach(l -> html.append("<li>").append(Html.esc(l)).append("</li>"));
        html.append("</ul>");
        for (BiEncoderCost b : d.biEncoders()) {
            html.append("<p class=\"muted\">Search latency measured for ").append(Html.esc(b.model())).append(" (one query at a time, one"
                    + " thread, best of 3 passes, top 10, ").append(b.scaling().queries()).append(" queries). ")
                    .append(Html.esc(b.scaling().note())).append("</p>");
            List<List<String>> rows = new ArrayList<>();
            for (ScalePoint p : b.scaling().measured()) {
                rows.add(List.of(DecisionFormat.count(p.vectors()), p.synthetic() ? "real+rotated" : "real", DecisionFormat.millis(p.exactP50Millis()),
                        DecisionFormat.millis(p.hnswP50Millis()), String.format(Locale.ROOT, "%.4f", p.hnswRecallAt10()),
                        String.format(Locale.ROOT, "%.1f", p.hnswBuildSeconds())));
            }
            table(List.of("vectors", "kind", "exact p50 ms", "HNSW p50 ms", "HNSW recall@10", "HNSW build s"), rows);
        }
        html.append("<p class=\"muted\">").append(Html.esc(String.join(" · ", d.notes()))).append("</p>");
        return html.toString();
    }

    /** Full precision, for the CSV export. */
    public static Table csv(Decision d) {
        List<List<String>> rows = new ArrayList<>();
        for (Configuration c : d.configurations()) {
            boolean q = c.hasQuality();
            rows.add(List.of(c.name(), c.kind().name(), c.engine(), q ? Integer.toString(c.quality().queries()) : "",
                    q ? Double.toString(c.quality().ndcg10()) : "", q ? Double.toString(c.quality().recall10()) : "",
                    q ? Double.toString(c.quality().recall100()) : "", Double.toString(c.measured().p50Millis()),
                    Double.toString(c.measured().p95Millis()), Boolean.toString(c.measured().extrapolated()),
                    Double.toString(c.atTarget().p50Millis()), Double.toString(c.atTarget().p95Millis()),
                    Boolean.toString(c.atTarget().extrapolated()), Boolean.toString(c.pareto())));
        }
        return new Table("decide-configurations", List.of("configuration", "kind", "engine", "queries", "ndcg_at_10", "recall_at_10",
                "recall_at_100", "p50_ms", "p95_ms", "latency_extrapolated", "p50_ms_at_" + d.targetCorpusSize(),
                "p95_ms_at_" + d.targetCorpusSize(), "extrapolated_at_" + d.targetCorpusSize(), "pareto"), rows);
    }

    private void table(List<String> header, List<List<String>> rows) {
        html.append(Html.table(header, rows));
    }
}

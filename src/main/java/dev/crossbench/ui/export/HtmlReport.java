package dev.crossbench.ui.export;

import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.PairDataset;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.report.ChartPng;
import dev.crossbench.report.DecisionReport;
import dev.crossbench.report.Html;
import dev.crossbench.report.Table;
import dev.crossbench.ui.charts.ScatterCharts;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One self-contained HTML page (charts inlined as PNG) of the current comparison: machine and
 * engines, data, models with their options, correlations with intervals, the charts, the pairs
 * the models disagree on most, and timing.
 */
public final class HtmlReport {
    private static final int DISAGREEMENTS_SHOWN = 15;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport() {}

    public static void write(ExportSnapshot s, Path file) {
        String page = new HtmlReport().render(s);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    String render(ExportSnapshot s) {
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Crossbench report</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:24px auto;color:#1f2937}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #d1d5db;padding:4px 8px;font-size:13px;text-align:left}")
                .append("th{background:#f3f4f6}img{max-width:49%;margin:2px}.muted{color:#6b7280;font-size:13px}")
                .append("</style></head><body>");
        html.append("<h1>Crossbench report</h1><p class=\"muted\">")
                .append(Html.esc(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))).append("</p>");
        machine(s);
        data(s.pairs());
        models(s);
        agreement(s.comparison());
        timing(s);
        retrieval(s.retrieval());
        if (s.decision() != null) {
            html.append(DecisionReport.section(s.decision()));
        }
        if (s.dedup() != null) {
            html.append(DedupReport.section(s.dedup(), s.dedupRule()));
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private void machine(ExportSnapshot s) {
        html.append("<h2>Machine</h2>");
        if (s.environment() == null) {
            html.append("<p>not detected yet</p>");
            return;
        }
        html.append("<p>").append(Html.esc(s.environment().device().summary())).append("<br>")
                .append(Html.esc(s.environment().engines())).append("<br>").append(Html.esc(s.environment().device().os()))
                .append(", ").append(Html.esc(s.environment().device().java())).append("</p>");
    }

    private void data(PairDataset d) {
        html.append("<h2>Data</h2>");
        if (d == null) {
            html.append("<p>no pairs loaded</p>");
            return;
        }
        html.append("<p>").append(Html.esc(d.name())).append(d.source().map(p -> " (" + Html.esc(p.toString()) + ")").orElse(""))
                .append(": ").append(d.size()).append(" pairs, ").append(d.uniqueSentences().size())
                .append(" unique sentences, gold scores ").append(Formats.score(d.minScore())).append(" to ")
                .append(Formats.score(d.maxScore())).append("</p>");
    }

    private void models(ExportSnapshot s) {
        List<ModelSpec> specs = s.comparison() != null
                ? s.comparison().models().stream().map(ModelPairResult::spec).toList() : s.models();
        html.append("<h2>Models</h2>");
        if (specs.isEmpty()) {
            html.append("<p>none chosen</p>");
            return;
        }
        html.append("<table><tr><th>model</th><th>kind</th><th>source</th><th>layers × hidden</th><th>engine</th><th>pooling</th>")
                .append("<th>max tokens</th><th>batch</th><th>normalised</th><th>pair prompt</th></tr>");
        for (ModelSpec m : specs) {
            ModelDescriptor d = m.descriptor();
            html.append("<tr><td>").append(Html.esc(d.name())).append("</td><td>").append(m.kind().label()).append("</td><td>")
                    .append(Html.esc(d.source() + ": " + d.origin()))
                    .append("</td><td>").append(d.config().numHiddenLayers()).append(" × ").append(d.config().hiddenSize())
                    .append("</td><td>").append(Html.esc(engineOf(s.comparison(), m))).append("</td><td>")
                    .append(m.isCross() ? "activation " + m.activation() : m.options().pooling()).append("</td><td>").append(m.options().maxSeqLength()).append("</td><td>")
                    .append(m.options().batchSize()).append("</td><td>").append(m.isCross() ? "" : m.options().normalize())
                    .append("</td><td>").append(m.isCross() ? "" : Html.esc(m.options().pairPrompt())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String engineOf(PairComparison c, ModelSpec spec) {
        if (c != null) {
            for (ModelPairResult r : c.models()) {
                if (r.spec() == spec) {
                    return r.result().engine();
                }
            }
        }
        return spec.engine().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void agreement(PairComparison c) {
        html.append("<h2>Agreement with gold scores</h2>");
        if (c == null) {
            html.append("<p>no comparison run yet</p>");
            return;
        }
        html.append("<p class=\"muted\">Bi-encoders: cosine similarity of the embeddings; cross-encoders: the predicted score; against the gold scores of ")
                .append(Html.esc(c.data().name())).append("; 95% percentile-bootstrap intervals (1,000 resamples).</p>");
        html.append("<table><tr><th>model</th><th>Pearson r [95% CI]</th><th>Spearman ρ [95% CI]</th><th>texts or pairs / s</th></tr>");
        for (ModelPairResult r : c.models()) {
            html.append("<tr><td>").append(Html.esc(r.name())).append("</td><td>").append(Formats.correlation(r.pearson()))
                    .append(' ').append(Formats.interval(r.intervals().pearson())).append("</td><td>")
                    .append(Formats.correlation(r.spearman())).append(' ').append(Formats.interval(r.intervals().spearman()))
                    .append("</td><td>").append(Formats.rate(r.result().sentencesPerSecond())).append(' ').append(r.unitsScored())
                    .append("</td></tr>");
        }
        html.append("</table><div>");
        for (WorkbenchCharts.NamedChart chart : WorkbenchCharts.all(new ExportSnapshot(null, c, List.of(), List.of(), List.of(), null))) {
            image(chart);
        }
        html.append("</div><h3>Pairs the models disagree on most</h3>");
        rawTable(WorkbenchTables.disagreements(c, DISAGREEMENTS_SHOWN));
        html.append("<p class=\"muted\">").append(Html.esc(c.models().stream().map(ScatterCharts::metricsLine)
                .reduce((a, b) -> a + " | " + b).orElse(""))).append("</p>");
    }

    private void timing(ExportSnapshot s) {
        html.append("<h2>Timing</h2>");
        if (s.timings().isEmpty()) {
            html.append("<p>not measured yet</p>");
            return;
        }
        rawTable(WorkbenchTables.timings(s.timings()));
        for (WorkbenchCharts.NamedChart chart : WorkbenchCharts.all(new ExportSnapshot(null, null, List.of(), s.timings(), List.of(), null))) {
            image(chart);
        }
    }

    private void retrieval(RetrievalComparison r) {
        if (r == null) {
            return; // pairs-only reports stay as they were
        }
        html.append("<h2>Retrieval</h2><p class=\"muted\">").append(r.evaluations().get(0).queriesEvaluated())
                .append(" judged queries, ").append(r.evaluations().get(0).corpusSize()).append(" documents, index ")
                .append(Html.esc(r.evaluations().get(0).index())).append("; means over the queries.</p>");
        rawTable(RetrievalTables.metrics(r));
        if (r.isReranked()) {
            rawTable(RetrievalTables.sweep(r));
            for (WorkbenchCharts.NamedChart chart : WorkbenchCharts.all(ExportSnapshot.retrievalOnly(r))) {
                image(chart);
            }
        }
    }

    private void rawTable(Table t) {
        html.append("<table><tr>");
        t.header().forEach(h -> html.append("<th>").append(Html.esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(Html.esc(WorkbenchTables.shortNum(cell))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void image(WorkbenchCharts.NamedChart c) {
        html.append(ChartPng.imgTag(c.fileName(), c.chart(), c.width(), c.height()));
    }

}

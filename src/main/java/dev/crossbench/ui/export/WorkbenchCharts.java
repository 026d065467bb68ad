package dev.crossbench.ui.export;

import dev.crossbench.eval.Histogram;
import dev.crossbench.report.DecisionCharts;
import dev.crossbench.report.DecisionReport;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.charts.DedupCharts;
import dev.crossbench.ui.charts.HistogramCharts;
import dev.crossbench.ui.charts.RerankDepthCharts;
import dev.crossbench.ui.charts.ScatterCharts;
import dev.crossbench.ui.charts.TimingCharts;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Fresh chart objects for export, built from the snapshot rather than taken from the screen:
 * JFreeChart objects are not thread-safe and the on-screen ones may be repainting.
 */
public final class WorkbenchCharts {
    public record NamedChart(String fileName, JFreeChart chart, int width, int height) {}

    private WorkbenchCharts() {}

    public static List<NamedChart> all(ExportSnapshot s) {
        List<NamedChart> out = new ArrayList<>();
        PairComparison c = s.comparison();
        if (c != null) {
            for (int i = 0; i < c.models().size(); i++) {
                ModelPairResult r = c.models().get(i);
                out.add(new NamedChart("scatter-" + safe(r.name()), ScatterCharts.create(r, c.data(), i), 720, 620));
                out.add(new NamedChart("histogram-" + safe(r.name()), HistogramCharts.create(r.name() + ": predicted scores",
                        r.scoreName(), r.histogram(), Palette.model(i)), 720, 300));
            }
            out.add(new NamedChart("histogram-gold", HistogramCharts.create("Gold scores", "gold score",
                    Histogram.of(c.data().scores(), ModelPairResult.HISTOGRAM_BINS), Palette.GOLD), 720, 300));
        }
        if (s.retrieval() != null && s.retrieval().isReranked()) {
            out.add(new NamedChart("rerank-depth-ndcg", RerankDepthCharts.quality(s.retrieval().evaluations()), 720, 420));
            out.add(new NamedChart("rerank-depth-latency", RerankDepthCharts.latency(s.retrieval().evaluations()), 720, 420));
        }
        if (s.decision() != null) {
            out.add(new NamedChart(DecisionReport.CHART_NAME, DecisionCharts.qualityVsLatency(s.decision()), 960, 560));
        }
        if (s.dedup() != null && s.dedup().hasGold()) {
            out.add(new NamedChart(DedupReport.CHART_NAME, DedupCharts.precisionRecall(s.dedup().sweep(), s.dedupRule().biThreshold()),
                    720, 420));
        }
        if (!s.timings().isEmpty()) {
            out.add(new NamedChart("timing-throughput", TimingCharts.throughput(s.timings()), 720, 420));
            out.add(new NamedChart("timing-latency", TimingCharts.latency(s.timings()), 720, 420));
            if (TimingCharts.hasCostRatio(s.timings())) {
                out.add(new NamedChart("timing-cross-bi-cost", TimingCharts.costRatio(s.timings()), 720, 420));
            }
        }
        return out;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}

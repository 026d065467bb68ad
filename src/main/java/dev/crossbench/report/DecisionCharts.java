package dev.crossbench.report;

import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision.Kind;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.app.decide.DecisionFormat;
import dev.crossbench.app.decide.LatencyBudget;
import dev.crossbench.app.decide.Recommender;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The evidence behind decide's recommendation: nDCG@10 against p95 latency per query at the target corpus
 * size (log scale), every configuration whose quality was measured as a dot, the Pareto front as a staircase
 * through its points, and each latency budget as a vertical dashed line. Uses no JavaFX: the command line's HTML report
 * draws the same chart.
 */
public final class DecisionCharts {
    private static final float[] DASH = {6f, 4f};
    private static final Color BUDGET = new Color(0xB91C1C);

    private DecisionCharts() {}

    public static JFreeChart qualityVsLatency(Decision d) {
        List<Configuration> rated = Recommender.comparable(d.configurations());
        boolean severalBi = d.biEncoders().size() > 1;
        XYSeries all = new XYSeries("configurations", false, true);
        XYSeries front = new XYSeries("Pareto front", false, true);
        XYPlot plot = new XYPlot();
        for (Configuration c : rated) {
            all.add(c.atTarget().p95Millis(), c.quality().ndcg10() * 100);
            XYTextAnnotation label = new XYTextAnnotation(shortName(c, severalBi), c.atTarget().p95Millis(), c.quality().ndcg10() * 100);
            label.setFont(ChartTheme.SMALL);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            label.setPaint(c.pareto() ? Palette.FIT_LINE : Palette.model(4));
            plot.addAnnotation(label);
        }
        rated.stream().filter(Configuration::pareto).sorted(Comparator.comparingDouble(c -> c.atTarget().p95Millis()))
                .forEach(c -> front.add(c.atTarget().p95Millis(), c.quality().ndcg10() * 100));
        XYSeries frontPoints = new XYSeries("on the front", false, true);
        front.getItems().forEach(i -> frontPoints.add((org.jfree.data.xy.XYDataItem) i));
        XYSeriesCollection ds = new XYSeriesCollection(all);
        ds.addSeries(frontPoints);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, Palette.translucent(Palette.model(4), 170));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(1, Palette.model(0));
        renderer.setSeriesVisibleInLegend(1, false);
        // The front as a staircase: the best quality reachable within a latency holds until the next point.
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, Palette.model(0));
        steps.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> {
            double x = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            return rated.stream().filter(c -> c.atTarget().p95Millis() == x && c.quality().ndcg10() * 100 == y)
                    .map(Configuration::name).findFirst().orElse("") + String.format(java.util.Locale.ROOT, ": nDCG@10 %.2f, p95 %s", y,
                            DecisionFormat.duration(x));
        });
        LogarithmicAxis x = new LogarithmicAxis("p95 latency per query at " + DecisionFormat.count(d.targetCorpusSize())
                + " documents, ms (log scale)");
        x.setStrictValuesFlag(false);
        x.setExpTickLabelsFlag(false);
        x.setLog10TickLabelsFlag(false);
        x.setTickLabelFont(ChartTheme.SMALL);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Configuration c : rated) {
            lo = Math.min(lo, c.atTarget().p95Millis());
            hi = Math.max(hi, c.atTarget().p95Millis());
        }
        for (LatencyBudget b : d.recommendations().stream().map(Decision.Recommendation::budget).toList()) {
            lo = Math.min(lo, b.millis());
            hi = Math.max(hi, b.millis());
            ValueMarker m = new ValueMarker(b.millis(), BUDGET, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    DASH, 0f));
            m.setLabel("budget " + b.label());
            m.setLabelFont(ChartTheme.SMALL);
            m.setLabelPaint(BUDGET);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        if (lo <= hi && lo > 0) {
            x.setRange(lo / 2, hi * 2);
        }
        NumberAxis y = new NumberAxis("nDCG@10 x100");
        y.setAutoRangeIncludesZero(false);
        plot.setDataset(0, new XYSeriesCollection(front));
        plot.setRenderer(0, steps);
        plot.setDataset(1, ds);
        plot.setRenderer(1, renderer);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        steps.setDefaultToolTipGenerator(renderer.getDefaultToolTipGenerator());
        JFreeChart chart = new JFreeChart("Quality vs latency at " + DecisionFormat.count(d.targetCorpusSize()) + " documents",
                ChartTheme.TITLE, plot, true);
        List<String> unrated = d.configurations().stream().filter(c -> !rated.contains(c))
                .map(c -> c.name() + (c.hasQuality() ? " (" + c.quality().queries() + " queries only)" : " (quality not measured)"))
                .toList();
        String sub = d.data().sampledQueries() + " queries, " + DecisionFormat.count(d.data().documents()) + " documents measured"
                + (d.targetCorpusSize() != d.data().documents() ? "; latency extrapolated to " + DecisionFormat.count(d.targetCorpusSize()) : "")
                + (unrated.isEmpty() ? "" : "; not plotted: " + String.join(", ", unrated));
        chart.addSubtitle(ChartTheme.subtitle(sub, ChartTheme.SMALL));
        return ChartTheme.apply(chart);
    }

    /** "exact", "HNSW", "K=20", "cross alone"; with several bi-encoders, prefixed with the model. */
    static String shortName(Configuration c, boolean withBi) {
        String s = switch (c.kind()) {
            case BI_EXACT -> "exact";
            case BI_HNSW -> "HNSW";
            case TWO_STAGE -> "K=" + c.k();
            case CROSS_ALONE -> c.crossEncoder() + " alone";
        };
        return withBi && c.kind() != Kind.CROSS_ALONE ? c.biEncoder() + " " + s : s;
    }
}

package dev.crossbench.ui.charts;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.report.ChartTheme;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.ModelPairResult;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Predicted score (y) against gold score (x) for one model: every pair as a dot, the least-squares
 * line, and Pearson/Spearman with their 95% bootstrap intervals as the chart's subtitle. Series 0
 * holds the pairs (item i = pair i), series 1 the pair currently selected.
 */
public final class ScatterCharts {
    private static final String PAIRS = "pairs";
    private static final String SELECTED = "selected";

    private ScatterCharts() {}

    public static JFreeChart create(ModelPairResult r, PairDataset data, int colour) {
        double[] gold = data.scores();
        double[] predicted = r.predicted();
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(PAIRS, new double[][] {gold, predicted});
        dataset.addSeries(SELECTED, new double[][] {{}, {}});

        NumberAxis x = new NumberAxis("gold score");
        NumberAxis y = new NumberAxis("predicted (" + r.scoreName() + ")");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, Palette.translucent(Palette.model(colour), 110));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesPaint(1, Palette.SELECTED);
        renderer.setSeriesToolTipGenerator(0, (ds, series, item) -> tooltip(data.get(item), gold[item], predicted[item], item));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        addFitLine(plot, r.fit(), data.minScore(), data.maxScore());

        JFreeChart chart = new JFreeChart(r.name(), ChartTheme.TITLE, plot, false);
        chart.addSubtitle(ChartTheme.subtitle(metricsLine(r), ChartTheme.SUBTITLE));
        chart.addSubtitle(ChartTheme.subtitle(String.format(Locale.ROOT, "%d pairs · 95%% bootstrap intervals · line: least squares",
                data.size()), ChartTheme.SMALL));
        return ChartTheme.apply(chart);
    }

    /** The text of the chart's subtitle, also shown under the chart and in reports. */
    public static String metricsLine(ModelPairResult r) {
        return "Pearson r " + Formats.correlation(r.pearson()) + " " + Formats.interval(r.intervals().pearson())
                + "    Spearman ρ " + Formats.correlation(r.spearman()) + " " + Formats.interval(r.intervals().spearman());
    }

    private static void addFitLine(XYPlot plot, LinearFit fit, double x0, double x1) {
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
        plot.addAnnotation(new XYLineAnnotation(x0, fit.at(x0), x1, fit.at(x1), dashed, Palette.FIT_LINE));
    }

    private static String tooltip(LabeledPair p, double gold, double predicted, int item) {
        return String.format(Locale.ROOT, "pair %d · gold %s · predicted %s%nA: %s%nB: %s", item + 1, Formats.score(gold),
                Formats.score(predicted), Formats.clip(p.sentence1(), 90), Formats.clip(p.sentence2(), 90));
    }

    /** Marks pair {@code index} (or nothing for -1) in a chart made by {@link #create}. */
    public static void select(JFreeChart chart, int index) {
        XYPlot plot = chart.getXYPlot();
        DefaultXYDataset dataset = (DefaultXYDataset) plot.getDataset();
        if (index < 0 || index >= dataset.getItemCount(0)) {
            dataset.addSeries(SELECTED, new double[][] {{}, {}});
        } else {
            dataset.addSeries(SELECTED, new double[][] {{dataset.getXValue(0, index)}, {dataset.getYValue(0, index)}});
        }
    }

    /** Which pair the item of a clicked entity is, or -1 when it is not a pair dot. */
    public static int pairOf(int series, int item) {
        return series == 0 ? item : -1;
    }
}

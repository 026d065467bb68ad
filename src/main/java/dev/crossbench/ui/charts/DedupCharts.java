package dev.crossbench.ui.charts;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.report.ChartTheme;
import dev.crossbench.report.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Deduplication against gold: precision, recall and F1 over pairs (x100) by cosine threshold, the bi-encoder alone,
 * with the threshold applied now as a vertical line. Uses no JavaFX, so the report draws the same chart.
 */
public final class DedupCharts {
    private static final Color MARKER = new Color(0xB91C1C);

    private DedupCharts() {}

    public static JFreeChart precisionRecall(DedupEvaluation sweep, double threshold) {
        XYSeries precision = new XYSeries("precision");
        XYSeries recall = new XYSeries("recall");
        XYSeries f1 = new XYSeries("F1");
        for (DedupEvaluation.Row row : sweep.rows()) {
            double t = row.rule().biThreshold();
            PairCounts p = row.pairs();
            add(precision, t, p.precision());
            add(recall, t, p.recall());
            add(f1, t, p.f1());
        }
        XYSeriesCollection ds = new XYSeriesCollection(precision);
        ds.addSeries(recall);
        ds.addSeries(f1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesPaint(i, Palette.model(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} at cosine {1}: {2}",
                new java.text.DecimalFormat("0.00"), new java.text.DecimalFormat("0.00")));
        NumberAxis x = new NumberAxis("cosine threshold (bi-encoder alone)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("x100, over pairs of input rows");
        y.setRange(0, 100);
        XYPlot plot = new XYPlot(ds, x, y, renderer);
        markThreshold(plot, threshold);
        JFreeChart chart = new JFreeChart("Precision and recall by threshold", ChartTheme.TITLE, plot, true);
        chart.addSubtitle(ChartTheme.subtitle(sweep.gold().size() + " gold pairs, " + sweep.reachable()
                + " among the candidates", ChartTheme.SMALL));
        return ChartTheme.apply(chart);
    }

    /** Moves the line of the threshold applied now; run where the chart is drawn (ChartImage.update). */
    public static void markThreshold(JFreeChart chart, double threshold) {
        markThreshold(chart.getXYPlot(), threshold);
    }

    private static void markThreshold(XYPlot plot, double threshold) {
        plot.clearDomainMarkers();
        ValueMarker m = new ValueMarker(threshold, MARKER, new BasicStroke(1.5f));
        m.setLabel(String.format(java.util.Locale.ROOT, "%.2f", threshold));
        m.setLabelFont(ChartTheme.SMALL);
        m.setLabelPaint(MARKER);
        plot.addDomainMarker(m);
    }

    private static void add(XYSeries s, double x, double v) {
        if (!Double.isNaN(v)) {
            s.add(x, v * 100);
        }
    }
}

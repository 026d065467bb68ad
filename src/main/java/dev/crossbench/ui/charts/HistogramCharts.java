package dev.crossbench.ui.charts;

import dev.crossbench.eval.Histogram;
import dev.crossbench.report.ChartTheme;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/** A histogram of scores (a model's predictions, or the gold scores) as touching bars. */
public final class HistogramCharts {
    private HistogramCharts() {}

    public static JFreeChart create(String title, String axisLabel, Histogram h, Color colour) {
        int n = h.bins();
        double[][] series = new double[6][n];
        int[] counts = h.counts();
        for (int i = 0; i < n; i++) {
            double start = h.binStart(i);
            series[0][i] = start + h.binWidth() / 2;
            series[1][i] = start;
            series[2][i] = start + h.binWidth();
            series[3][i] = counts[i];
            series[4][i] = counts[i];
            series[5][i] = counts[i];
        }
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(title, series);
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, colour);
        NumberAxis x = new NumberAxis(axisLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("pairs");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, ChartTheme.SUBTITLE, plot, false);
        ChartTheme.apply(chart);
        chart.getTitle().setFont(ChartTheme.SUBTITLE);
        chart.getTitle().setPaint(new Color(0x374151));
        return chart;
    }
}

package dev.crossbench.ui.charts;

import dev.crossbench.ui.common.Palette;
import dev.crossbench.ui.workspace.TimingRow;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts of throughput and latency per model, on log axes (models differ by orders of magnitude). */
public final class TimingCharts {
    private TimingCharts() {}

    /** Texts per second per model, one bar per batch size. */
    public static JFreeChart throughput(List<TimingRow> rows) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (TimingRow r : rows) {
            if (r.isThroughput()) {
                ds.addValue(r.sentencesPerSecond(), "batch " + r.batchSize(), r.model());
            }
        }
        return bars("Throughput: texts encoded per second", "texts / s (log scale)", ds);
    }

    /** Milliseconds to encode one query, median and p95, per model. */
    public static JFreeChart latency(List<TimingRow> rows) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (TimingRow r : rows) {
            if (r.medianMillis() != null) {
                ds.addValue(r.medianMillis(), "median", r.model());
                ds.addValue(r.p95Millis(), "p95", r.model());
            }
        }
        return bars("Latency: one query on its own", "milliseconds (log scale)", ds);
    }

    private static JFreeChart bars(String title, String valueLabel, DefaultCategoryDataset ds) {
        // Plain numbers (1, 2, 5, 10, 20 ...) rather than 10^x labels; range rounded out to powers of ten.
        LogarithmicAxis axis = new LogarithmicAxis(valueLabel);
        axis.setStrictValuesFlag(false);
        axis.setAutoRangeNextLogFlag(true);
        axis.setExpTickLabelsFlag(false);
        axis.setLog10TickLabelsFlag(false);
        axis.setTickLabelFont(ChartTheme.SMALL);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}, {1}: {2}", java.text.NumberFormat.getInstance()));
        for (int i = 0; i < ds.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Palette.model(i));
        }
        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(null), axis, renderer);
        JFreeChart chart = new JFreeChart(title, ChartTheme.TITLE, plot, true);
        return ChartTheme.apply(chart);
    }
}

package dev.crossbench.ui.charts;

import dev.crossbench.report.ChartTheme;
import dev.crossbench.report.Palette;
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

/**
 * Bar charts of throughput, latency and the cross/bi cost ratio per model, on log axes (models
 * differ by orders of magnitude).
 */
public final class TimingCharts {
    private TimingCharts() {}

    /** Texts encoded (bi-encoders) or pairs scored (cross-encoders) per second per model, one bar per batch size. */
    public static JFreeChart throughput(List<TimingRow> rows) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (TimingRow r : rows) {
            if (r.isThroughput()) {
                ds.addValue(r.sentencesPerSecond(), "batch " + r.batchSize(), r.unit().equals("pairs") ? r.model() + " (pairs)" : r.model());
            }
        }
        return bars("Throughput: texts encoded or pairs scored per second", "per second (log scale)", ds);
    }

    /**
     * Milliseconds for one query per model: a bi-encoder encodes it (median and p95), a
     * cross-encoder scores it against K candidates (median, one bar per K).
     */
    public static JFreeChart latency(List<TimingRow> rows) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (TimingRow r : rows) {
            if (r.medianMillis() == null) {
                continue;
            }
            String category = r.stage().equals(TimingRow.RERANK) ? r.model() + " (K=" + r.texts() + ")" : r.model();
            ds.addValue(r.medianMillis(), "median", category);
            if (r.p95Millis() != null) {
                ds.addValue(r.p95Millis(), "p95", category);
            }
        }
        return bars("Latency: one query (cross-encoders: with its K candidates)", "milliseconds (log scale)", ds);
    }

    /**
     * A cross-encoder's cost per candidate divided by a bi-encoder's, per depth K: against the
     * bi-encoder encoding the same K candidates, and against a real index (query + K dot products).
     */
    public static JFreeChart costRatio(List<TimingRow> rows) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (TimingRow r : rows) {
            if (r.hasCostRatio()) {
                String category = r.model() + " K=" + r.texts();
                ds.addValue(r.crossOverBiEncode(), "÷ " + r.versus() + " encoding the K candidates", category);
                ds.addValue(r.crossOverBiIndexed(), "÷ " + r.versus() + " with stored vectors", category);
            }
        }
        return bars("Cross-encoder cost per candidate ÷ bi-encoder's", "times (log scale)", ds);
    }

    public static boolean hasCostRatio(List<TimingRow> rows) {
        return rows.stream().anyMatch(TimingRow::hasCostRatio);
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

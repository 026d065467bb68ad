package dev.crossbench.ui.charts;

import dev.crossbench.report.ChartTheme;
import dev.crossbench.report.Palette;
import dev.crossbench.train.TrainingProgressListener.EpochResult;
import dev.crossbench.train.TrainingProgressListener.StepProgress;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live charts of a training run: the loss of every step (with a running mean over
 * {@value #MEAN_WINDOW} steps, since single batches are noisy) and the dev Spearman after each
 * epoch. Points are added through {@link ChartImage#update} so only the renderer thread touches
 * the charts.
 */
public final class TrainingCharts {
    static final int MEAN_WINDOW = 20;

    private TrainingCharts() {}

    public static JFreeChart loss() {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(new XYSeries("loss per step", false, true));
        ds.addSeries(new XYSeries("mean of the last " + MEAN_WINDOW + " steps", false, true));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Palette.translucent(Palette.model(0), 90));
        renderer.setSeriesPaint(1, Palette.model(0));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = new XYPlot(ds, countAxis("step"), valueAxis("training loss", 0.01), renderer);
        return ChartTheme.apply(new JFreeChart("Training loss", ChartTheme.TITLE, plot, true));
    }

    public static JFreeChart devSpearman() {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(new XYSeries("dev Spearman ρ", false, true));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.model(1));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("epoch {1}: dev Spearman {2}",
                java.text.NumberFormat.getIntegerInstance(), new java.text.DecimalFormat("0.0000")));
        XYPlot plot = new XYPlot(ds, countAxis("epoch"), valueAxis("Spearman ρ on the dev pairs", 0.05), renderer);
        return ChartTheme.apply(new JFreeChart("Dev Spearman after each epoch", ChartTheme.TITLE, plot, false));
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis x = new NumberAxis(label);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return x;
    }

    /** A value axis that does not stretch to zero; one point (or a flat stretch) still gets {@code minimumSize}. */
    private static NumberAxis valueAxis(String label, double minimumSize) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(minimumSize);
        return y;
    }

    /** Adds steps to a chart made by {@link #loss()}; call on the renderer thread. */
    public static void addSteps(JFreeChart chart, List<StepProgress> steps) {
        XYSeriesCollection ds = (XYSeriesCollection) chart.getXYPlot().getDataset();
        XYSeries losses = ds.getSeries(0);
        XYSeries mean = ds.getSeries(1);
        for (StepProgress s : steps) {
            if (!Double.isFinite(s.loss())) {
                continue; // a skipped step: the trainer did not apply it
            }
            losses.add(s.step(), s.loss(), false);
            int n = losses.getItemCount();
            double sum = 0;
            int from = Math.max(0, n - MEAN_WINDOW);
            for (int i = from; i < n; i++) {
                sum += losses.getY(i).doubleValue();
            }
            mean.add(s.step(), sum / (n - from), false);
        }
        losses.fireSeriesChanged();
        mean.fireSeriesChanged();
    }

    /** Adds epochs to a chart made by {@link #devSpearman()}; call on the renderer thread. */
    public static void addEpochs(JFreeChart chart, List<EpochResult> epochs) {
        XYSeries s = ((XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(0);
        for (EpochResult e : epochs) {
            s.add(e.epoch(), e.devSpearman(), false);
        }
        s.fireSeriesChanged();
    }
}

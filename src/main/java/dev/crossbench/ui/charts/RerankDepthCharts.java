package dev.crossbench.ui.charts;

import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.report.ChartTheme;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Rerank depth K (how many bi-encoder candidates the cross-encoder reads) against quality
 * (nDCG@10, with the bi-encoder alone as a dashed level) and against the rerank latency per query.
 */
public final class RerankDepthCharts {
    private static final float[] DASH = {6f, 4f};

    private RerankDepthCharts() {}

    public static JFreeChart quality(List<RetrievalEvaluation> evaluations) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < evaluations.size(); i++) {
            RetrievalEvaluation e = evaluations.get(i);
            XYSeries reranked = new XYSeries(e.biEncoder() + " + " + e.reranker());
            for (RetrievalEvaluation.SweepPoint p : e.sweep()) {
                reranked.add(p.depth(), p.evaluation().mean(RetrievalComparison.NDCG_10));
            }
            XYSeries alone = new XYSeries(e.biEncoder() + " alone");
            double bi = e.firstStage().mean(RetrievalComparison.NDCG_10);
            alone.add(e.sweep().get(0).depth(), bi);
            alone.add(e.sweep().get(e.sweep().size() - 1).depth(), bi);
            int s = ds.getSeriesCount();
            ds.addSeries(reranked);
            ds.addSeries(alone);
            renderer.setSeriesPaint(s, Palette.model(i));
            renderer.setSeriesPaint(s + 1, Palette.model(i));
            renderer.setSeriesShapesVisible(s + 1, false);
            renderer.setSeriesStroke(s + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f));
        }
        return chart("Rerank depth K vs nDCG@10", "nDCG@10", ds, renderer);
    }

    public static JFreeChart latency(List<RetrievalEvaluation> evaluations) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < evaluations.size(); i++) {
            RetrievalEvaluation e = evaluations.get(i);
            XYSeries median = new XYSeries(e.biEncoder() + " + " + e.reranker() + ", median");
            XYSeries p95 = new XYSeries(e.biEncoder() + " + " + e.reranker() + ", p95");
            for (RetrievalEvaluation.SweepPoint p : e.sweep()) {
                median.add(p.depth(), p.rerank().medianMillis());
                p95.add(p.depth(), p.rerank().p95Millis());
            }
            int s = ds.getSeriesCount();
            ds.addSeries(median);
            ds.addSeries(p95);
            renderer.setSeriesPaint(s, Palette.model(i));
            renderer.setSeriesPaint(s + 1, Palette.translucent(Palette.model(i), 140));
            renderer.setSeriesStroke(s + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f));
        }
        return chart("Rerank depth K vs rerank latency per query", "milliseconds", ds, renderer);
    }

    private static JFreeChart chart(String title, String valueLabel, XYSeriesCollection ds, XYLineAndShapeRenderer renderer) {
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: K={1}, {2}",
                java.text.NumberFormat.getIntegerInstance(), new java.text.DecimalFormat("0.####")));
        NumberAxis x = new NumberAxis("rerank depth K");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(valueLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(ds, x, y, renderer);
        return ChartTheme.apply(new JFreeChart(title, ChartTheme.TITLE, plot, true));
    }
}

package dev.crossbench.ui.pairs;

import dev.crossbench.data.PairDataset;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.HistogramCharts;
import dev.crossbench.ui.charts.ScatterCharts;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.workspace.ModelPairResult;
import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.title.TextTitle;

/**
 * One model in the Pairs view: its scatter against gold (correlations with intervals in the
 * chart's subtitle), what encoding (or, for a cross-encoder, scoring the pairs) cost, and the
 * histogram of its scores.
 */
final class ModelCard extends VBox {
    static final double CHART_WIDTH = 470;
    private final ChartImage scatter;

    ModelCard(ModelPairResult r, PairDataset data, int colour, IntConsumer onPairClicked) {
        getStyleClass().add("model-card");
        setSpacing(4);
        setUserData(r.name());
        scatter = new ChartImage(ScatterCharts.create(r, data, colour));
        scatter.getStyleClass().add("scatter");
        scatter.setPrefSize(CHART_WIDTH, 380);
        scatter.setMinSize(300, 240);
        setMinWidth(300);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        scatter.setOnEntityClicked(entity -> {
            int pair = pairAt(entity);
            if (pair >= 0) {
                onPairClicked.accept(pair);
            }
        });
        Label cost = new Label(r.kind().label() + " · " + r.result().engine() + " · " + r.result().uniqueSentences() + " "
                + r.unitsScored() + " in " + Formats.seconds(r.result().encodeSeconds()) + " ("
                + Formats.rate(r.result().sentencesPerSecond()) + " / s)");
        cost.getStyleClass().add("hint");
        Label help = new Label("What do r, ρ and the intervals mean?");
        help.getStyleClass().add("help-link");
        help.setTooltip(metricsTooltip());
        ChartImage histogram = new ChartImage(HistogramCharts.create("Distribution of predicted scores", r.scoreName(),
                r.histogram(), Palette.model(colour)));
        histogram.setPrefSize(CHART_WIDTH, 150);
        histogram.setMinWidth(300);
        histogram.setMinHeight(120);
        getChildren().addAll(scatter, new HBox(16, cost, help), histogram);
    }

    private static Tooltip metricsTooltip() {
        Tooltip t = new Tooltip(MetricHelp.PEARSON.text() + "\n\n" + MetricHelp.SPEARMAN.text() + "\n\n"
                + MetricHelp.CONFIDENCE_INTERVAL.text());
        t.setWrapText(true);
        t.setMaxWidth(440);
        return t;
    }

    static int pairAt(ChartEntity entity) {
        if (entity instanceof XYItemEntity item) {
            return ScatterCharts.pairOf(item.getSeriesIndex(), item.getItem());
        }
        return -1;
    }

    ChartImage scatter() {
        return scatter;
    }

    /** The correlations as the chart shows them (its first subtitle). */
    String metricsText() {
        return ((TextTitle) scatter.chart().getSubtitle(0)).getText();
    }

    void select(int pair) {
        scatter.update(chart -> ScatterCharts.select(chart, pair));
    }
}

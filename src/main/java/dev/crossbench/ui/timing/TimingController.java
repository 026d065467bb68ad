package dev.crossbench.ui.timing;

import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.TimingCharts;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.settings.TimingSettings;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.task.TimingTask;
import dev.crossbench.ui.workspace.EnvironmentInfo;
import dev.crossbench.ui.workspace.TimingRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Throughput and latency per model, and each cross-encoder's cost per candidate against a
 * bi-encoder, on log-scale bar charts and in a table; rerun with other batch sizes or depths.
 */
public final class TimingController {
    private final UiContext ui;

    @FXML private Label batchSizesLabel;
    @FXML private TextField batchSizesField;
    @FXML private Spinner<Integer> textCountSpinner;
    @FXML private Spinner<Integer> repeatsSpinner;
    @FXML private Label rerankDepthsLabel;
    @FXML private TextField rerankDepthsField;
    @FXML private Label timingDevice;
    @FXML private HBox chartsBox;
    @FXML private StackPane throughputHolder;
    @FXML private StackPane latencyHolder;
    @FXML private StackPane costHolder;
    @FXML private EmptyState timingEmpty;
    @FXML private TaskProgressStrip timingProgress;
    @FXML private TableView<TimingRow> timingTable;

    public TimingController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        TimingSettings s = ui.timingSettings();
        batchSizesField.textProperty().bindBidirectional(s.batchSizesProperty());
        MetricHelp.BATCH_SIZE.install(batchSizesLabel);
        rerankDepthsField.textProperty().bindBidirectional(s.rerankDepthsProperty());
        MetricHelp.RERANK_COST.install(rerankDepthsLabel);
        SpinnerValueFactory.IntegerSpinnerValueFactory texts = new SpinnerValueFactory.IntegerSpinnerValueFactory(16, 100_000, s.textsProperty().get(), 64);
        textCountSpinner.setValueFactory(texts);
        texts.valueProperty().addListener((o, old, v) -> s.textsProperty().set(v));
        s.textsProperty().addListener((o, old, v) -> texts.setValue(v.intValue()));
        SpinnerValueFactory.IntegerSpinnerValueFactory repeats = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, s.repeatsProperty().get());
        repeatsSpinner.setValueFactory(repeats);
        repeats.valueProperty().addListener((o, old, v) -> s.repeatsProperty().set(v));
        s.repeatsProperty().addListener((o, old, v) -> repeats.setValue(v.intValue()));
        buildTable();
        ui.workspace().timings().addListener((ListChangeListener<TimingRow>) c -> show(ui.workspace().timings()));
        ui.workspace().environmentProperty().addListener((o, old, env) -> showEnvironment(env));
        timingProgress.follow(ui.tasks(), t -> t instanceof TimingTask);
        timingEmpty.sayWhile(ui.tasks().runningProperty(), t -> t instanceof TimingTask, "Measuring...",
                "Each model's rows and bars appear here as soon as that model is measured; progress and Cancel are above.");
        show(ui.workspace().timings());
    }

    private void buildTable() {
        timingTable.setItems(ui.workspace().timings());
        timingTable.getColumns().add(column("model", TimingRow::model, 170));
        timingTable.getColumns().add(column("engine", TimingRow::engine, 190));
        timingTable.getColumns().add(column("stage", TimingRow::stage, 130));
        TableColumn<TimingRow, String> batch = column("batch", r -> Integer.toString(r.batchSize()), 60);
        MetricHelp.BATCH_SIZE.install(batch);
        timingTable.getColumns().add(batch);
        timingTable.getColumns().add(column("texts / pairs", r -> Integer.toString(r.texts()), 90));
        TableColumn<TimingRow, String> rate = column("per second", r -> r.sentencesPerSecond() == null ? ""
                : Formats.rate(r.sentencesPerSecond()) + " " + r.unit(), 110);
        MetricHelp.THROUGHPUT.install(rate);
        timingTable.getColumns().add(rate);
        TableColumn<TimingRow, String> tokens = column("tokens / s", r -> r.tokensPerSecond() == null ? "" : Formats.rate(r.tokensPerSecond()), 90);
        MetricHelp.TOKENS_PER_SECOND.install(tokens);
        timingTable.getColumns().add(tokens);
        TableColumn<TimingRow, String> median = column("median ms", r -> r.medianMillis() == null ? "" : Formats.millis(r.medianMillis()), 90);
        MetricHelp.LATENCY.install(median);
        timingTable.getColumns().add(median);
        TableColumn<TimingRow, String> p95 = column("p95 ms", r -> r.p95Millis() == null ? "" : Formats.millis(r.p95Millis()), 80);
        MetricHelp.LATENCY.install(p95);
        timingTable.getColumns().add(p95);
        TableColumn<TimingRow, String> perEncode = column("cross / bi encode", r -> ratio(r.crossOverBiEncode()), 120);
        MetricHelp.RERANK_COST.install(perEncode);
        timingTable.getColumns().add(perEncode);
        TableColumn<TimingRow, String> perIndexed = column("cross / bi indexed", r -> ratio(r.crossOverBiIndexed()), 120);
        MetricHelp.RERANK_COST.install(perIndexed);
        timingTable.getColumns().add(perIndexed);
        timingTable.getColumns().add(column("versus", r -> r.versus() == null ? "" : r.versus(), 140));
    }

    private static String ratio(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.1f×", v);
    }

    private static TableColumn<TimingRow, String> column(String title, Function<TimingRow, String> value, double width) {
        TableColumn<TimingRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void show(List<TimingRow> rows) {
        boolean empty = rows.isEmpty();
        chartsBox.setVisible(!empty);
        timingEmpty.setVisible(empty);
        throughputHolder.getChildren().clear();
        latencyHolder.getChildren().clear();
        costHolder.getChildren().clear();
        if (empty) {
            return;
        }
        ChartImage throughput = new ChartImage(TimingCharts.throughput(rows));
        MetricHelp.THROUGHPUT.install(throughput);
        throughputHolder.getChildren().add(throughput);
        ChartImage latency = new ChartImage(TimingCharts.latency(rows));
        MetricHelp.LATENCY.install(latency);
        latencyHolder.getChildren().add(latency);
        boolean ratios = TimingCharts.hasCostRatio(rows);
        costHolder.setVisible(ratios);
        costHolder.setManaged(ratios);
        if (ratios) {
            ChartImage cost = new ChartImage(TimingCharts.costRatio(rows));
            cost.getStyleClass().add("cost-ratio");
            MetricHelp.RERANK_COST.install(cost);
            costHolder.getChildren().add(cost);
        }
    }

    private void showEnvironment(EnvironmentInfo env) {
        timingDevice.setText(env == null ? "" : env.device().summary() + " · " + env.engines());
    }

    @FXML
    private void measure() {
        ui.actions().measureTiming();
    }
}

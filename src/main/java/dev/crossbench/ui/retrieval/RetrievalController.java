package dev.crossbench.ui.retrieval;

import dev.crossbench.app.IndexChoice;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.RerankDepthCharts;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.settings.CrossEncoderPicker;
import dev.crossbench.ui.settings.RetrievalRunSettings;
import dev.crossbench.ui.task.RetrievalEvaluationTask;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.workspace.RetrievalCheck;
import dev.crossbench.ui.workspace.RetrievalComparison.Configuration;
import dev.crossbench.ui.workspace.RetrievalComparison;
import dev.crossbench.ui.workspace.Workspace;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * The Retrieval view: each ticked bi-encoder evaluated on the loaded corpus, queries and qrels,
 * alone and with the chosen cross-encoder reranking its top K; a metrics table, a per-query table
 * sortable by what reranking gained or lost, and rerank depth K against nDCG@10 and latency.
 */
public final class RetrievalController {
    private final UiContext ui;

    @FXML private ChoiceBox<IndexChoice.Kind> indexChoice;
    @FXML private Label rerankDepthLabel;
    @FXML private Spinner<Integer> rerankDepthSpinner;
    @FXML private Label sweepLabel;
    @FXML private TextField sweepField;
    @FXML private CrossEncoderPicker retrievalCrossPicker;
    @FXML private Button evaluateButton;
    @FXML private Label dataInfo;
    @FXML private TaskProgressStrip evaluationProgress;
    @FXML private Label resultInfo;
    @FXML private SplitPane resultsPane;
    @FXML private TableView<Configuration> metricsTable;
    @FXML private ComboBox<RetrievalEvaluation> perQueryModel;
    @FXML private Label perQueryHint;
    @FXML private TableView<RetrievalComparison.QueryGain> perQueryTable;
    @FXML private HBox chartsBox;
    @FXML private StackPane qualityChartHolder;
    @FXML private StackPane latencyChartHolder;
    @FXML private EmptyState sweepEmpty;
    @FXML private EmptyState retrievalEmpty;

    public RetrievalController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        RetrievalRunSettings s = ui.actions().retrieval().settings();
        indexChoice.setItems(FXCollections.observableArrayList(IndexChoice.Kind.values()));
        indexChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(IndexChoice.Kind k) {
                return k == null ? "" : k.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public IndexChoice.Kind fromString(String text) {
                return IndexChoice.Kind.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        indexChoice.valueProperty().bindBidirectional(s.indexProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory k = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                RetrievalRunSettings.MIN_K, RetrievalRunSettings.MAX_K, s.kProperty().get(), 10);
        rerankDepthSpinner.setValueFactory(k);
        k.valueProperty().addListener((o, old, v) -> s.kProperty().set(v));
        s.kProperty().addListener((o, old, v) -> k.setValue(v.intValue()));
        sweepField.textProperty().bindBidirectional(s.sweepProperty());
        MetricHelp.RERANK_DEPTH.install(rerankDepthLabel);
        MetricHelp.RERANK_DEPTH.install(sweepLabel);
        retrievalCrossPicker.bind(ui.actions().retrieval().reranker());
        evaluationProgress.follow(ui.tasks(), t -> t instanceof RetrievalEvaluationTask);
        PerQueryTable.fill(perQueryTable);
        perQueryModel.setConverter(new StringConverter<>() {
            @Override
            public String toString(RetrievalEvaluation e) {
                return e == null ? "" : e.biEncoder();
            }

            @Override
            public RetrievalEvaluation fromString(String text) {
                return null;
            }
        });
        perQueryModel.valueProperty().addListener((o, old, e) -> showPerQuery(e));

        Workspace ws = ui.workspace();
        ws.retrievalProperty().addListener((o, old, r) -> show(r));
        ws.corpusProperty().addListener((o, old, c) -> showDataInfo());
        ws.queriesProperty().addListener((o, old, q) -> showDataInfo());
        ws.qrelsProperty().addListener((o, old, q) -> showDataInfo());
        ws.retrievalCheckProperty().addListener((o, old, c) -> showDataInfo());
        showDataInfo();
        show(ws.retrieval());
    }

    private void showDataInfo() {
        Workspace ws = ui.workspace();
        RetrievalCheck check = ws.retrievalCheck();
        if (check != null && check.isUsable()) {
            dataInfo.setText(String.format(Locale.ROOT, "%,d documents · %,d of %,d queries judged · %,d judgements%s",
                    check.corpus().size(), check.report().queriesWithJudgements(), check.queries().size(),
                    check.report().judgements(), check.warnings().isEmpty() ? "" : " · " + check.warnings().size()
                            + " warning(s) in the Data view"));
        } else if (check != null) {
            dataInfo.setText(check.error());
        } else {
            dataInfo.setText(ws.corpus() == null || ws.queries() == null || ws.qrels() == null
                    ? "needs a corpus, queries and qrels (Data view)" : "checking corpus, queries and qrels…");
        }
        if (ws.retrieval() == null) {
            showEmptyState();
        }
    }

    private void showEmptyState() {
        Workspace ws = ui.workspace();
        String missing = ws.corpus() == null ? "a corpus" : ws.queries() == null ? "queries"
                : ws.qrels() == null ? "relevance judgements (qrels)" : null;
        if (missing != null) {
            retrievalEmpty.setTitle("Load a corpus, queries and qrels");
            retrievalEmpty.setMessage("Still missing: " + missing + ". Open them in the Data view or the File menu (a BEIR "
                    + "folder's corpus.jsonl, queries.jsonl and qrels/test.tsv can be dropped on the window together), "
                    + "and choose bi-encoders in the Models view.");
        } else {
            retrievalEmpty.setTitle("Not evaluated yet");
            retrievalEmpty.setMessage("Press Evaluate (Ctrl+E) to evaluate each ticked bi-encoder on the judged queries, "
                    + "alone and, with a cross-encoder chosen, reranking its top K: nDCG@10, MRR@10, Recall@K, MAP@K and P@10.");
        }
    }

    private void show(RetrievalComparison r) {
        boolean has = r != null;
        resultsPane.setVisible(has);
        retrievalEmpty.setVisible(!has);
        qualityChartHolder.getChildren().clear();
        latencyChartHolder.getChildren().clear();
        if (!has) {
            metricsTable.getItems().clear();
            perQueryModel.getItems().clear();
            resultInfo.setText("");
            showEmptyState();
            return;
        }
        MetricsTable.fill(metricsTable, r);
        RetrievalEvaluation first = r.evaluations().get(0);
        resultInfo.setText(String.format(Locale.ROOT, "%d queries · %s index · %,d documents%s", first.queriesEvaluated(),
                first.index(), first.corpusSize(), first.notes().isEmpty() ? "" : " · " + String.join("; ", first.notes())));
        perQueryModel.setItems(FXCollections.observableArrayList(r.evaluations()));
        perQueryModel.setValue(first);
        boolean sweep = r.isReranked();
        chartsBox.setVisible(sweep);
        sweepEmpty.setVisible(!sweep);
        if (sweep) {
            ChartImage quality = new ChartImage(RerankDepthCharts.quality(r.evaluations()));
            MetricHelp.NDCG.install(quality);
            qualityChartHolder.getChildren().add(quality);
            ChartImage latency = new ChartImage(RerankDepthCharts.latency(r.evaluations()));
            MetricHelp.STAGE_LATENCY.install(latency);
            latencyChartHolder.getChildren().add(latency);
        }
    }

    private void showPerQuery(RetrievalEvaluation e) {
        RetrievalComparison r = ui.workspace().retrieval();
        if (e == null || r == null) {
            perQueryTable.getItems().clear();
            perQueryHint.setText("");
            return;
        }
        perQueryTable.setItems(FXCollections.observableArrayList(r.perQuery(e)));
        PerQueryTable.sortByGain(perQueryTable, e.twoStage() != null);
        perQueryHint.setText(e.twoStage() != null ? "sorted by gain from reranking; click a header to sort"
                : "nDCG@10 of the bi-encoder, hardest first; choose a cross-encoder to see gains");
    }

    @FXML
    private void evaluate() {
        ui.actions().retrieval().evaluate();
    }

    /** The metrics table: one row per configuration, one column per metric, with the time per query. */
    static final class MetricsTable {
        private MetricsTable() {}

        static void fill(TableView<Configuration> table, RetrievalComparison r) {
            table.getColumns().clear();
            TableColumn<Configuration, String> name = column("configuration", Configuration::name);
            name.setPrefWidth(330);
            table.getColumns().add(name);
            for (MetricAtK m : r.metrics()) {
                TableColumn<Configuration, String> c = column(m.label(), row -> Formats.correlation(row.metrics().mean(m)));
                c.setId("metric-" + m.label());
                c.setPrefWidth(90);
                MetricHelp.of(m.measure()).install(c);
                table.getColumns().add(c);
            }
            TableColumn<Configuration, String> ms = column("ms / query", row -> Formats.millis(row.medianMillis()));
            ms.setPrefWidth(90);
            MetricHelp.STAGE_LATENCY.install(ms);
            table.getColumns().add(ms);
            table.setItems(FXCollections.observableArrayList(r.configurations()));
        }

        private static TableColumn<Configuration, String> column(String title, java.util.function.Function<Configuration, String> v) {
            TableColumn<Configuration, String> c = new TableColumn<>(title);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(v.apply(cd.getValue())));
            return c;
        }
    }
}

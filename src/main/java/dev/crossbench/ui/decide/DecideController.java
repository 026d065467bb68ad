package dev.crossbench.ui.decide;

import dev.crossbench.app.decide.Decision;
import dev.crossbench.app.decide.DecisionFormat;
import dev.crossbench.report.DecisionCharts;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.common.ColumnWidths;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.settings.CrossEncoderPicker;
import dev.crossbench.ui.settings.DecideRunSettings;
import dev.crossbench.ui.task.DecideTask;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.workspace.RetrievalCheck;
import dev.crossbench.ui.workspace.Workspace;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Decide view: which configuration answers the user's queries best within each latency budget. It runs
 * {@code crossbench decide}'s service on the loaded collection with the ticked bi-encoders and the chosen
 * cross-encoder, and shows the recommendation per budget with its evidence: the measured table, the
 * quality-vs-latency chart (budgets as dashed lines, the Pareto front as a line) and the extrapolated costs.
 */
public final class DecideController {
    private final UiContext ui;

    @FXML private TextField budgetsField;
    @FXML private TextField corpusSizeField;
    @FXML private Spinner<Integer> queriesSpinner;
    @FXML private TextField depthsField;
    @FXML private CrossEncoderPicker decideCrossPicker;
    @FXML private Button decideButton;
    @FXML private Label decideDataInfo;
    @FXML private TaskProgressStrip decideProgress;
    @FXML private Label decideResultInfo;
    @FXML private SplitPane decideResults;
    @FXML private VBox recommendationBox;
    @FXML private Label ruleOfThumb;
    @FXML private Label costsLabel;
    @FXML private Label notesLabel;
    @FXML private StackPane decideChartHolder;
    @FXML private Label tableTitle;
    @FXML private TableView<List<String>> decideTable;
    @FXML private EmptyState decideEmpty;

    public DecideController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        DecideRunSettings s = ui.actions().decide().settings();
        budgetsField.textProperty().bindBidirectional(s.budgetsProperty());
        corpusSizeField.textProperty().bindBidirectional(s.corpusSizeProperty());
        depthsField.textProperty().bindBidirectional(s.depthsProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory q = new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                DecideRunSettings.MAX_QUERIES, s.queriesSampleProperty().get(), 10);
        queriesSpinner.setValueFactory(q);
        q.valueProperty().addListener((o, old, v) -> s.queriesSampleProperty().set(v));
        s.queriesSampleProperty().addListener((o, old, v) -> q.setValue(v.intValue()));
        decideCrossPicker.bind(ui.actions().retrieval().reranker());
        decideProgress.follow(ui.tasks(), t -> t instanceof DecideTask);
        Workspace ws = ui.workspace();
        ws.decisionProperty().addListener((o, old, d) -> show(d));
        ws.retrievalCheckProperty().addListener((o, old, c) -> showDataInfo());
        ws.corpusProperty().addListener((o, old, c) -> showDataInfo());
        showDataInfo();
        show(ws.decision());
    }

    private void showDataInfo() {
        Workspace ws = ui.workspace();
        RetrievalCheck check = ws.retrievalCheck();
        decideDataInfo.setText(check != null && check.isUsable()
                ? String.format(Locale.ROOT, "%,d documents · %,d judged queries · queries 0 = all of them",
                        check.corpus().size(), check.report().queriesWithJudgements())
                : check != null ? check.error() : "needs a corpus, queries and qrels (Data view) and a bi-encoder (Models view)");
        if (ws.decision() == null) {
            decideEmpty.setTitle("Bi-encoder, two-stage or cross-encoder?");
            decideEmpty.setMessage("Press Decide (Ctrl+D) to measure, on your judged queries, each ticked bi-encoder alone (exact and"
                    + " HNSW), reranked by the chosen cross-encoder at each depth K, and the cross-encoder alone; the costs are"
                    + " extrapolated to the corpus size given, and each latency budget gets a recommendation with its evidence.");
        }
    }

    private void show(Decision d) {
        boolean has = d != null;
        decideResults.setVisible(has);
        decideEmpty.setVisible(!has);
        decideChartHolder.getChildren().clear();
        recommendationBox.getChildren().clear();
        if (!has) {
            decideTable.getItems().clear();
            decideResultInfo.setText("");
            ruleOfThumb.setText("");
            costsLabel.setText("");
            notesLabel.setText("");
            showDataInfo();
            return;
        }
        for (Decision.Recommendation r : d.recommendations()) {
            Label l = new Label(r.budget().label() + ": " + r.summary());
            l.setWrapText(true);
            l.getStyleClass().add(r.best() == null ? "hint" : "summary");
            l.setUserData(r);
            recommendationBox.getChildren().add(l);
        }
        ruleOfThumb.setText(d.ruleOfThumb());
        costsLabel.setText(String.join("\n\n", DecisionFormat.costLines(d)));
        notesLabel.setText(String.join("\n", d.notes()));
        decideResultInfo.setText(String.format(Locale.ROOT, "%d of %d judged queries · %s documents measured · budgets checked at %s",
                d.data().sampledQueries(), d.data().judgedQueries(), DecisionFormat.count(d.data().documents()),
                DecisionFormat.count(d.targetCorpusSize())));
        tableTitle.setText("Measured on " + d.data().sampledQueries() + " judged queries (* extrapolated, not timed)");
        fillTable(d);
        decideChartHolder.getChildren().add(new ChartImage(DecisionCharts.qualityVsLatency(d)));
    }

    private void fillTable(Decision d) {
        decideTable.getColumns().clear();
        List<String> header = DecisionFormat.tableHeader(d);
        List<List<String>> rows = DecisionFormat.tableRows(d);
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(header.get(i));
            c.setId("decide-col-" + i);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().get(col)));
            // The configuration names are what the table is about: room for them first; the engine may clip (tooltip).
            ColumnWidths.fit(c, header.get(i), rows.stream().map(r -> r.get(col)).toList(), 56, i == 0 ? 520 : i == 1 ? 180 : 130);
            if (i == 1) {
                c.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
                    @Override
                    protected void updateItem(String text, boolean empty) {
                        super.updateItem(text, empty);
                        setText(empty ? null : text);
                        setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
                    }
                });
            }
            decideTable.getColumns().add(c);
        }
        decideTable.setItems(FXCollections.observableArrayList(rows));
    }

    @FXML
    private void decide() {
        ui.actions().decide().decide();
    }
}

package dev.crossbench.ui.dedup;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupResult;
import dev.crossbench.app.ModelKind;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.ui.actions.DedupActions;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.DedupCharts;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.export.DedupFormat;
import dev.crossbench.ui.settings.CrossEncoderPicker;
import dev.crossbench.ui.settings.DedupRunSettings;
import dev.crossbench.ui.task.DedupTask;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.workspace.DedupOutcome;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Dedup view: {@code crossbench dedup}'s service on the loaded corpus or the loaded pairs' sentences, then the
 * thresholds as sliders. A slider applies the accept rule and the clustering to the stored candidates at once (no
 * model runs), updating the clusters table, precision/recall against gold and the marker on the P/R chart.
 */
public final class DedupController {
    private final UiContext ui;
    private ChartImage chart;
    /** Set while the sliders are moved to a new run's thresholds, so they do not write a rule back. */
    private boolean syncing;

    @FXML private ComboBox<DedupRunSettings.Source> dedupSource;
    @FXML private ComboBox<String> dedupModel;
    @FXML private TextField dedupCandidateField;
    @FXML private Spinner<Integer> dedupTopK;
    @FXML private CrossEncoderPicker dedupCrossPicker;
    @FXML private TextField dedupGoldMinField;
    @FXML private Button dedupGoldClear;
    @FXML private Label dedupGoldSource;
    @FXML private Label dedupDataInfo;
    @FXML private TaskProgressStrip dedupProgress;
    @FXML private Button dedupExportPairs;
    @FXML private Button dedupExportClusters;
    @FXML private VBox dedupResults;
    @FXML private Label dedupSummary;
    @FXML private Slider dedupThreshold;
    @FXML private Label dedupThresholdValue;
    @FXML private HBox dedupCrossBox;
    @FXML private Slider dedupCrossThreshold;
    @FXML private Label dedupCrossValue;
    @FXML private Label dedupAccepted;
    @FXML private Label dedupGold;
    @FXML private Label dedupScores;
    @FXML private TableView<DedupFormat.ClusterLine> dedupTable;
    @FXML private TextArea dedupDetail;
    @FXML private StackPane dedupChartHolder;
    @FXML private EmptyState dedupEmpty;

    public DedupController(UiContext ui) {
        this.ui = ui;
    }

    private DedupActions actions() {
        return ui.actions().dedup();
    }

    @FXML
    private void initialize() {
        DedupRunSettings s = actions().settings();
        dedupSource.setItems(FXCollections.observableArrayList(DedupRunSettings.Source.values()));
        dedupSource.valueProperty().bindBidirectional(s.sourceProperty());
        dedupModel.valueProperty().bindBidirectional(s.modelProperty());
        dedupCandidateField.textProperty().bindBidirectional(s.candidateThresholdProperty());
        dedupGoldMinField.textProperty().bindBidirectional(s.goldMinScoreProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory k = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000, s.topKProperty().get());
        dedupTopK.setValueFactory(k);
        k.valueProperty().addListener((o, old, v) -> s.topKProperty().set(v));
        s.topKProperty().addListener((o, old, v) -> k.setValue(v.intValue()));
        dedupCrossPicker.bind(actions().verifier());
        dedupProgress.follow(ui.tasks(), t -> t instanceof DedupTask);
        dedupCrossBox.managedProperty().bind(dedupCrossBox.visibleProperty());
        dedupGoldClear.disableProperty().bind(s.goldFileProperty().isNull());
        s.goldFileProperty().addListener((o, old, f) -> showInputs());
        s.sourceProperty().addListener((o, old, v) -> showInputs());
        Workspace ws = ui.workspace();
        ws.models().addListener((ListChangeListener<ModelChoice>) c -> offerModels());
        ws.pairsProperty().addListener((o, old, p) -> showInputs());
        ws.corpusProperty().addListener((o, old, p) -> showInputs());
        offerModels();
        showInputs();
        buildTable();
        dedupTable.getSelectionModel().selectedItemProperty().addListener((o, old, c) ->
                dedupDetail.setText(c == null ? "" : String.join("\n", c.detail())));
        dedupThreshold.valueProperty().addListener((o, old, v) -> sliderMoved());
        dedupCrossThreshold.valueProperty().addListener((o, old, v) -> sliderMoved());
        ws.dedupProperty().addListener((o, old, d) -> showRun(d));
        ws.dedupRuleProperty().addListener((o, old, r) -> showRule());
        showRun(ws.dedup());
    }

    private void offerModels() {
        List<String> names = actions().biEncoderNames();
        String current = dedupModel.getValue();
        dedupModel.getItems().setAll(names);
        if ((current == null || !names.contains(current)) && !names.isEmpty()) {
            String ticked = ui.workspace().selectedSpecs(ModelKind.BI).stream()
                    .map(m -> m.name()).findFirst().orElse(names.get(0));
            dedupModel.setValue(ticked);
        }
    }

    private void showInputs() {
        Workspace ws = ui.workspace();
        DedupRunSettings s = actions().settings();
        boolean corpus = s.sourceProperty().get() == DedupRunSettings.Source.CORPUS;
        dedupDataInfo.setText(corpus
                ? ws.corpus() == null ? "no corpus loaded (Data view)" : String.format(Locale.ROOT, "corpus: %,d documents", ws.corpus().size())
                : ws.pairs() == null ? "no pairs loaded (Data view)"
                : String.format(Locale.ROOT, "%s: %,d pairs, %,d distinct sentences", ws.pairs().name(), ws.pairs().size(),
                        ws.pairs().uniqueSentences().size()));
        Path gold = s.goldFileProperty().get();
        dedupGoldSource.setText(gold != null ? "gold: " + gold.getFileName()
                : corpus ? "no gold (choose a gold file for precision/recall)" : "gold: the loaded pairs' own scores");
        if (ws.dedup() == null) {
            dedupEmpty.setTitle("Which texts are duplicates or paraphrases?");
            dedupEmpty.setMessage("Press Deduplicate (Run > Deduplicate, Ctrl+Shift+D) to embed each distinct text once, compare"
                    + " each with its top-k neighbours instead of all n(n-1)/2 pairs, optionally verify the candidates with a"
                    + " cross-encoder, and cluster them; then move the threshold sliders without running the models again.");
        }
    }

    private void buildTable() {
        column("#", 50, c -> Integer.toString(c.number()));
        column("size", 60, c -> Integer.toString(c.size()));
        column("pairs", 60, c -> Integer.toString(c.pairs()));
        column("min cosine", 90, DedupFormat.ClusterLine::minScore);
        column("texts", 700, DedupFormat.ClusterLine::texts);
    }

    private void column(String title, double width, Function<DedupFormat.ClusterLine, String> value) {
        TableColumn<DedupFormat.ClusterLine, String> c = new TableColumn<>(title);
        c.setId("dedup-col-" + dedupTable.getColumns().size());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        dedupTable.getColumns().add(c);
    }

    private void showRun(DedupOutcome d) {
        boolean has = d != null;
        dedupResults.setVisible(has);
        dedupEmpty.setVisible(!has);
        dedupExportPairs.setDisable(!has);
        dedupExportClusters.setDisable(!has);
        dedupChartHolder.getChildren().clear();
        chart = null;
        if (!has) {
            showInputs();
            return;
        }
        dedupSummary.setText(String.join("\n", DedupFormat.summary(d)));
        dedupGold.setText(d.hasGold() ? DedupFormat.gold(d.sweep()) : "no gold pairs: choose a gold file, or deduplicate labeled pairs");
        dedupScores.setVisible(d.hasGold());
        syncing = true;
        dedupThreshold.setMin(d.lowestThreshold());
        dedupThreshold.setMax(1);
        dedupCrossBox.setVisible(d.result().verified());
        syncing = false;
        if (d.hasGold()) {
            chart = new ChartImage(DedupCharts.precisionRecall(d.sweep(), d.result().settings().threshold()));
            dedupChartHolder.getChildren().add(chart);
        }
    }

    /** Both sliders as the workspace's rule: cosine to 0.01, not below this run's candidate threshold. */
    private void sliderMoved() {
        DedupOutcome d = ui.workspace().dedup();
        if (syncing || d == null) {
            return;
        }
        double bi = Math.max(Math.round(dedupThreshold.getValue() * 100) / 100.0, d.lowestThreshold());
        Double cross = d.result().verified() ? Math.round(dedupCrossThreshold.getValue() * 100) / 100.0 : null;
        ui.workspace().dedupRuleProperty().set(new AcceptRule(Math.min(bi, 1), cross));
    }

    private void showRule() {
        DedupOutcome d = ui.workspace().dedup();
        AcceptRule rule = ui.workspace().dedupRule();
        if (d == null || rule == null) {
            return;
        }
        syncing = true;
        dedupThreshold.setValue(rule.biThreshold());
        if (rule.verifies()) {
            dedupCrossThreshold.setValue(rule.crossThreshold());
        }
        syncing = false;
        dedupThresholdValue.setText(String.format(Locale.ROOT, "%.2f", rule.biThreshold()));
        dedupCrossValue.setText(rule.verifies() ? String.format(Locale.ROOT, "%.2f", rule.crossThreshold()) : "");
        DedupResult r = d.result();
        List<CandidatePair> accepted = r.accepted(rule);
        Clusters clusters = Clusters.of(r.groups(), accepted);
        dedupAccepted.setText(DedupFormat.accepted(r, rule, accepted.size(), clusters));
        dedupTable.setItems(FXCollections.observableArrayList(DedupFormat.clusters(r, accepted, clusters)));
        dedupDetail.setText("");
        DedupEvaluation.Row row = d.at(rule, accepted, clusters); // the rule is applied once per slider move
        dedupScores.setText(row == null ? "" : "at " + DedupFormat.rule(rule) + ": " + DedupFormat.scores(row));
        if (chart != null) {
            chart.update(c -> DedupCharts.markThreshold(c, rule.biThreshold()));
        }
    }

    @FXML
    private void deduplicate() {
        actions().deduplicate();
    }

    @FXML
    private void chooseGoldFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Gold duplicate pairs (id1,id2[,is_duplicate] or labeled pairs)");
        File f = chooser.showOpenDialog(ui.window());
        if (f != null) {
            actions().settings().goldFileProperty().set(f.toPath());
        }
    }

    @FXML
    private void clearGoldFile() {
        actions().settings().goldFileProperty().set(null);
    }

    @FXML
    private void exportPairs() {
        File f = save("Save the duplicate pairs", "dedup-pairs.csv", "CSV", "*.csv");
        if (f != null) {
            actions().exportPairs(f.toPath());
        }
    }

    @FXML
    private void exportClusters() {
        File f = save("Save the clusters", "dedup-clusters.jsonl", "JSON Lines", "*.jsonl");
        if (f != null) {
            actions().exportClusters(f.toPath());
        }
    }

    private File save(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(ui.window());
    }
}

package dev.crossbench.ui.training;

import dev.crossbench.app.ModelKind;
import dev.crossbench.data.PairDataset;
import dev.crossbench.model.BuiltinModel;
import dev.crossbench.train.TrainingProgressListener.EpochResult;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.settings.TrainingSettings;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.TrainingRun;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The Training view: the form (bound to the shared {@link TrainingSettings}) on the left, the
 * latest run on the right ({@link TrainingRunPanel}: live charts, progress, epochs). Training
 * itself runs in {@link dev.crossbench.ui.actions.WorkbenchActions#trainModel()}.
 */
public final class TrainingController {
    private final UiContext ui;
    private TrainingRunPanel panel;
    private Path autoTrain;
    private Path autoDev;

    @FXML private RadioButton crossRadio;
    @FXML private RadioButton biRadio;
    @FXML private ComboBox<String> baseChoice;
    @FXML private TextField trainFileField;
    @FXML private TextField devFileField;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> trainBatchSpinner;
    @FXML private TextField learningRateField;
    @FXML private TextField warmupField;
    @FXML private Spinner<Integer> maxLengthSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private CheckBox symmetricCheck;
    @FXML private CheckBox wordEmbeddingsCheck;
    @FXML private TextField outputField;
    @FXML private Label splitHint;
    @FXML private Button trainButton;
    @FXML private Button cancelTrainingButton;
    @FXML private VBox runPane;
    @FXML private Label runTitle;
    @FXML private ProgressBar trainingProgress;
    @FXML private Label trainingStatus;
    @FXML private Label trainingStats;
    @FXML private Label trainingOutcome;
    @FXML private StackPane lossHolder;
    @FXML private StackPane devHolder;
    @FXML private TableView<EpochResult> epochTable;
    @FXML private EmptyState trainingEmpty;

    public TrainingController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        TrainingSettings s = ui.trainingSettings();
        bindKind(s);
        baseChoice.valueProperty().bindBidirectional(s.baseProperty());
        // An edited combo box commits on Enter or focus loss; typing alone should count too.
        baseChoice.getEditor().textProperty().addListener((o, old, text) -> {
            if (baseChoice.isFocused() || baseChoice.getEditor().isFocused()) {
                s.baseProperty().set(text);
            }
        });
        ui.workspace().models().addListener((ListChangeListener<ModelChoice>) c -> fillBaseChoices());
        fillBaseChoices();
        trainFileField.textProperty().bindBidirectional(s.trainFileProperty());
        devFileField.textProperty().bindBidirectional(s.devFileProperty());
        spinner(epochsSpinner, 1, 1000, s.epochsProperty());
        spinner(trainBatchSpinner, 1, 4096, s.batchSizeProperty());
        spinner(maxLengthSpinner, 8, 8192, s.maxLengthProperty());
        spinner(seedSpinner, 0, Integer.MAX_VALUE, s.seedProperty());
        learningRateField.textProperty().bindBidirectional(s.learningRateProperty());
        warmupField.textProperty().bindBidirectional(s.warmupProperty());
        symmetricCheck.selectedProperty().bindBidirectional(s.symmetricPairsProperty());
        // Cosine is symmetric: swapped pairs only matter to a cross-encoder.
        symmetricCheck.disableProperty().bind(s.kindProperty().isEqualTo(dev.crossbench.app.ModelKind.BI));
        wordEmbeddingsCheck.selectedProperty().bindBidirectional(s.trainWordEmbeddingsProperty());
        outputField.textProperty().bindBidirectional(s.outputProperty());
        outputField.promptTextProperty().bind(Bindings.createStringBinding(
                () -> "default: " + ui.actions().trainedModelsFolder().resolve(s.defaultNamePreview()), s.baseProperty(), s.kindProperty()));
        ui.workspace().pairsProperty().addListener((o, old, data) -> offerSplits(data));
        offerSplits(ui.workspace().pairs());

        panel = new TrainingRunPanel(runTitle, trainingProgress, trainingStatus, trainingStats, trainingOutcome, lossHolder,
                devHolder, epochTable);
        ui.workspace().trainingProperty().addListener((o, old, run) -> showRun(run));
        showRun(ui.workspace().training());
    }

    private void bindKind(TrainingSettings s) {
        ToggleGroup kinds = new ToggleGroup();
        crossRadio.setToggleGroup(kinds);
        biRadio.setToggleGroup(kinds);
        crossRadio.setUserData(ModelKind.CROSS);
        biRadio.setUserData(ModelKind.BI);
        kinds.selectToggle(s.kindProperty().get() == ModelKind.CROSS ? crossRadio : biRadio);
        kinds.selectedToggleProperty().addListener((o, old, t) -> {
            if (t != null) {
                s.kindProperty().set((ModelKind) t.getUserData());
            }
        });
        s.kindProperty().addListener((o, old, k) -> kinds.selectToggle(k == ModelKind.CROSS ? crossRadio : biRadio));
    }

    /** The chosen models first (a bi-encoder's body or a cross-encoder), then the built-ins. */
    private void fillBaseChoices() {
        Set<String> names = new LinkedHashSet<>();
        ui.workspace().models().forEach(m -> names.add(m.name()));
        for (BuiltinModel b : BuiltinModel.values()) {
            if (!b.isInt8()) {
                names.add(b.displayName());
            }
        }
        String keep = ui.trainingSettings().baseProperty().get();
        baseChoice.getItems().setAll(names);
        ui.trainingSettings().baseProperty().set(keep);
    }

    private static void spinner(Spinner<Integer> spinner, int min, int max, IntegerProperty value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(f);
        f.valueProperty().addListener((o, old, v) -> value.set(v));
        value.addListener((o, old, v) -> f.setValue(v.intValue()));
    }

    /** Fills train and dev with the loaded file's split siblings, unless the user chose others. */
    private void offerSplits(PairDataset data) {
        TrainingSettings s = ui.trainingSettings();
        Path loaded = data == null ? null : data.source().orElse(null);
        var splits = TrainingSplits.besides(loaded);
        if (splits.isPresent()) {
            if (untouched(s.trainFileProperty().get(), autoTrain) && untouched(s.devFileProperty().get(), autoDev)) {
                autoTrain = splits.get().train();
                autoDev = splits.get().dev();
                s.trainFileProperty().set(autoTrain.toString());
                s.devFileProperty().set(autoDev.toString());
            }
            splitHint.setText("Train and dev default to " + splits.get().train().getFileName() + " and "
                    + splits.get().dev().getFileName() + " beside the loaded " + loaded.getFileName() + ".");
        } else {
            splitHint.setText(data == null ? "Choose the training and dev files (labeled pairs with gold scores)."
                    : "The loaded " + data.name() + " has no train/dev files beside it: choose them.");
        }
    }

    private static boolean untouched(String field, Path auto) {
        return field == null || field.isBlank() || (auto != null && field.equals(auto.toString()));
    }

    private void showRun(TrainingRun run) {
        runPane.setVisible(run != null);
        trainingEmpty.setVisible(run == null);
        trainButton.disableProperty().unbind();
        cancelTrainingButton.disableProperty().unbind();
        if (run == null) {
            cancelTrainingButton.setDisable(true);
            return;
        }
        var active = Bindings.createBooleanBinding(() -> !run.isFinished(), run.statusProperty());
        trainButton.disableProperty().bind(active);
        cancelTrainingButton.disableProperty().bind(active.not()
                .or(run.statusProperty().isEqualTo(TrainingRun.Status.CANCELLING)));
        panel.show(run);
    }

    @FXML
    private void train() {
        ui.actions().trainModel();
    }

    @FXML
    private void cancel() {
        TrainingRun run = ui.workspace().training();
        if (run != null) {
            run.cancel();
        }
    }

    @FXML
    private void chooseTrainFile() {
        choosePairs("Training pairs", trainFileField);
    }

    @FXML
    private void chooseDevFile() {
        choosePairs("Dev pairs", devFileField);
    }

    private void choosePairs(String title, TextField field) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Labeled pairs", "*.csv", "*.tsv", "*.jsonl", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(ui.window());
        if (f != null) {
            field.setText(f.getAbsolutePath());
        }
    }

    @FXML
    private void chooseOutput() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Output folder (new or empty)");
        File dir = chooser.showDialog(ui.window());
        if (dir != null) {
            outputField.setText(dir.getAbsolutePath());
        }
    }
}

package dev.crossbench.ui.models;

import dev.crossbench.app.ModelKind;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.TrainedModel;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Choosing models (built-in bi-encoders, bundled cross-encoders, folders and hub ids of either
 * kind, models trained in this session) and editing the options of the selected one. The options
 * form is bound to the selected {@link ModelChoice}; {@link ModelOptionsBinding} moves the
 * bindings when the selection changes. A cross-encoder shows engine, max length, batch size and activation only.
 */
public final class ModelsController {
    private final UiContext ui;
    private final ModelOptionsBinding binding = new ModelOptionsBinding();

    @FXML private ListView<CatalogEntry> catalogList;
    @FXML private TextField hubIdField;
    @FXML private ListView<ModelChoice> chosenList;
    @FXML private EmptyState chosenEmpty;
    @FXML private Button removeModelButton;
    @FXML private ScrollPane optionsPane;
    @FXML private EmptyState optionsEmpty;
    @FXML private Label optionsTitle;
    @FXML private ComboBox<EngineChoice> engineChoice;
    @FXML private Spinner<Integer> maxSeqSpinner;
    @FXML private Label batchLabel;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private ComboBox<PoolingMode> poolingChoice;
    @FXML private CheckBox normalizeCheck;
    @FXML private TextField pairPromptField;
    @FXML private TextField queryPromptField;
    @FXML private TextField documentPromptField;
    @FXML private Label modelDetails;
    @FXML private VBox biOptions;
    @FXML private VBox crossOptions;
    @FXML private ComboBox<ScoreActivation> activationChoice;
    @FXML private ListView<TrainedModel> trainedList;
    @FXML private Button addTrainedButton;

    public ModelsController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        catalogList.getItems().setAll(CatalogEntry.all());
        catalogList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CatalogEntry m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(m.name());
                name.getStyleClass().add("catalog-name");
                Label about = new Label(m.about());
                about.getStyleClass().add("hint");
                about.setWrapText(true);
                VBox box = new VBox(1, name, about);
                // Wrap within the list instead of scrolling sideways.
                box.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
                box.prefWidthProperty().bind(box.maxWidthProperty());
                setGraphic(box);
            }
        });
        catalogList.getSelectionModel().select(0);
        catalogList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                addBuiltin();
            }
        });
        chosenList.setItems(ui.workspace().models());
        chosenList.setCellFactory(CheckBoxListCell.forListView(ModelChoice::selectedProperty, CatalogText.CHOSEN_NAMES));
        chosenEmpty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(ui.workspace().models()));
        removeModelButton.disableProperty().bind(chosenList.getSelectionModel().selectedItemProperty().isNull());
        chosenList.getSelectionModel().selectedItemProperty().addListener((o, old, m) -> showOptions(m));
        // A newly added model is selected, so its options are in view at once.
        ui.workspace().models().addListener((ListChangeListener<ModelChoice>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    chosenList.getSelectionModel().select(c.getAddedSubList().get(c.getAddedSize() - 1));
                }
            }
        });
        poolingChoice.getItems().setAll(PoolingMode.values());
        activationChoice.getItems().setAll(ScoreActivation.values());
        activationChoice.setConverter(CatalogText.ACTIVATION_NAMES);
        trainedList.setItems(ui.workspace().trained());
        trainedList.setPlaceholder(new Label("none yet"));
        addTrainedButton.disableProperty().bind(trainedList.getSelectionModel().selectedItemProperty().isNull());
        engineChoice.setConverter(CatalogText.ENGINE_NAMES);
        MetricHelp.BATCH_SIZE.install(batchLabel);
        showOptions(null);
    }

    private void showOptions(ModelChoice m) {
        binding.unbind();
        optionsPane.setVisible(m != null);
        optionsEmpty.setVisible(m == null);
        if (m == null) {
            return;
        }
        optionsTitle.setText("Options of " + m.name() + " (" + m.kind().label() + ")");
        engineChoice.getItems().setAll(CatalogText.enginesFor(m.descriptor()));
        binding.bind(m, engineChoice, maxSeqSpinner, batchSpinner, poolingChoice, normalizeCheck, pairPromptField,
                queryPromptField, documentPromptField);
        binding.bindActivation(m, activationChoice);
        show(biOptions, m.kind() == ModelKind.BI);
        show(crossOptions, m.kind() == ModelKind.CROSS);
        modelDetails.setText(CatalogText.details(m.descriptor(), m.kind()));
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void addBuiltin() {
        CatalogEntry m = catalogList.getSelectionModel().getSelectedItem();
        if (m != null) {
            ui.actions().addModel(m.name());
        }
    }

    @FXML
    private void addFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Model folder (config.json, tokenizer.json and weights)");
        File dir = chooser.showDialog(ui.window());
        if (dir != null) {
            ui.actions().addModel(dir.getAbsolutePath());
        }
    }

    @FXML
    private void addHub() {
        ui.actions().addModel(hubIdField.getText()).ifPresent(t -> hubIdField.clear());
    }

    @FXML
    private void remove() {
        ModelChoice m = chosenList.getSelectionModel().getSelectedItem();
        if (m != null) {
            ui.actions().removeModel(m);
        }
    }

    @FXML
    private void addTrained() {
        TrainedModel m = trainedList.getSelectionModel().getSelectedItem();
        if (m != null) {
            ui.actions().addTrained(m);
        }
    }

    /** Opens the Training view set to a cross-encoder, from the selected bi-encoder when there is one. */
    @FXML
    private void trainCrossEncoder() {
        ModelChoice m = chosenList.getSelectionModel().getSelectedItem();
        ui.trainingSettings().kindProperty().set(ModelKind.CROSS);
        if (m != null) {
            ui.trainingSettings().baseProperty().set(m.name());
        }
        ui.navigation().show(View.TRAINING);
    }

    @FXML
    private void compare() {
        ui.actions().comparePairs();
    }
}

package dev.crossbench.ui.settings;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;

/**
 * Picks the cross-encoder to rerank with: "(none)", the bundled reranker or a hub id typed or
 * chosen from the list, or a model folder ("Choose folder…"). Bound to a {@link RerankerChoice}; the model is opened by the
 * task that uses it, so a wrong choice shows up in the error bar then. Usable from FXML.
 */
public final class CrossEncoderPicker extends HBox {
    private final ComboBox<String> combo = new ComboBox<>();
    private final Button folder = new Button("Choose folder…");
    private RerankerChoice choice;

    public CrossEncoderPicker() {
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        combo.setEditable(true);
        combo.setPrefWidth(250);
        // In a crowded toolbar the list narrows and the label and button keep their text.
        combo.setMinWidth(140);
        folder.setMinWidth(USE_PREF_SIZE);
        combo.setTooltip(new Tooltip("Cross-encoder that reranks the bi-encoder's top K: the bundled reranker, a model "
                + "folder (BertForSequenceClassification) or a hub id; (none) for the bi-encoder alone."));
        folder.setOnAction(e -> chooseFolder());
        Label label = new Label("Cross-encoder");
        label.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(label, combo, folder);
    }

    public void bind(RerankerChoice c) {
        this.choice = c;
        combo.setItems(c.suggestions());
        combo.valueProperty().bindBidirectional(c.referenceProperty());
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Cross-encoder model folder");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null && choice != null) {
            choice.choose(dir.getAbsolutePath());
        }
    }
}

package dev.crossbench.ui.models;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.ui.workspace.ModelChoice;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;

/** Two-way bindings between the options form and one {@link ModelChoice}, undone as a whole. */
final class ModelOptionsBinding {
    private static final int MAX_BATCH = 1024;
    private final List<Runnable> undo = new ArrayList<>();

    void bind(ModelChoice m, ComboBox<EngineChoice> engine, Spinner<Integer> maxSeq, Spinner<Integer> batch,
            ComboBox<PoolingMode> pooling, CheckBox normalize, TextField pairPrompt, TextField queryPrompt,
            TextField documentPrompt) {
        engine.valueProperty().bindBidirectional(m.engineProperty());
        undo.add(() -> engine.valueProperty().unbindBidirectional(m.engineProperty()));
        bindSpinner(maxSeq, 2, m.maxPositions(), m.maxSeqLengthProperty().asObject());
        bindSpinner(batch, 1, MAX_BATCH, m.batchSizeProperty().asObject());
        pooling.valueProperty().bindBidirectional(m.poolingProperty());
        undo.add(() -> pooling.valueProperty().unbindBidirectional(m.poolingProperty()));
        normalize.selectedProperty().bindBidirectional(m.normalizeProperty());
        undo.add(() -> normalize.selectedProperty().unbindBidirectional(m.normalizeProperty()));
        bindText(pairPrompt, m.pairPromptProperty());
        bindText(queryPrompt, m.queryPromptProperty());
        bindText(documentPrompt, m.documentPromptProperty());
    }

    void bindActivation(ModelChoice m, ComboBox<ScoreActivation> activation) {
        activation.valueProperty().bindBidirectional(m.activationProperty());
        undo.add(() -> activation.valueProperty().unbindBidirectional(m.activationProperty()));
    }

    private void bindSpinner(Spinner<Integer> spinner, int min, int max, ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(f);
        f.valueProperty().bindBidirectional(value);
        // asObject() is only weakly held by the binding: keep it reachable until unbound.
        undo.add(() -> f.valueProperty().unbindBidirectional(value));
    }

    private void bindText(TextField field, javafx.beans.property.StringProperty value) {
        field.textProperty().bindBidirectional(value);
        undo.add(() -> field.textProperty().unbindBidirectional(value));
    }

    void unbind() {
        undo.forEach(Runnable::run);
        undo.clear();
    }
}

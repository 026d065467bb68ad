package dev.crossbench.ui.training;

import dev.crossbench.ui.UiContext;
import dev.crossbench.ui.common.EmptyState;
import javafx.fxml.FXML;

/**
 * The Training view. Until the training code (dev.crossbench.train, issue 3) lands it shows only its
 * "arrives with" empty state: nothing here pretends to work. Wiring it means replacing the
 * empty state in TrainingView.fxml with the view's controls and starting the service through a
 * task in {@link dev.crossbench.ui.WorkbenchActions}, as the Pairs view does.
 */
public final class TrainingController {
    @SuppressWarnings("unused") // kept for the wiring described above
    private final UiContext ui;

    @FXML private EmptyState trainingPending;

    public TrainingController(UiContext ui) {
        this.ui = ui;
    }
}

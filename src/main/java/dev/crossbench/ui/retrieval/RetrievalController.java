package dev.crossbench.ui.retrieval;

import dev.crossbench.ui.UiContext;
import dev.crossbench.ui.common.EmptyState;
import javafx.fxml.FXML;

/**
 * The Retrieval view. Until the retrieval evaluation services (issue 4) lands it shows only its
 * "arrives with" empty state: nothing here pretends to work. Wiring it means replacing the
 * empty state in RetrievalView.fxml with the view's controls and starting the service through a
 * task in {@link dev.crossbench.ui.WorkbenchActions}, as the Pairs view does.
 */
public final class RetrievalController {
    @SuppressWarnings("unused") // kept for the wiring described above
    private final UiContext ui;

    @FXML private EmptyState retrievalPending;

    public RetrievalController(UiContext ui) {
        this.ui = ui;
    }
}

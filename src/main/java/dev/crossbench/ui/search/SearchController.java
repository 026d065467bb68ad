package dev.crossbench.ui.search;

import dev.crossbench.ui.UiContext;
import dev.crossbench.ui.common.EmptyState;
import javafx.fxml.FXML;

/**
 * The Search view. Until two-stage search (dev.crossbench.search, issue 4) and cross-encoder loading (issue 3) lands it shows only its
 * "arrives with" empty state: nothing here pretends to work. Wiring it means replacing the
 * empty state in SearchView.fxml with the view's controls and starting the service through a
 * task in {@link dev.crossbench.ui.WorkbenchActions}, as the Pairs view does.
 */
public final class SearchController {
    @SuppressWarnings("unused") // kept for the wiring described above
    private final UiContext ui;

    @FXML private EmptyState searchPending;

    public SearchController(UiContext ui) {
        this.ui = ui;
    }
}

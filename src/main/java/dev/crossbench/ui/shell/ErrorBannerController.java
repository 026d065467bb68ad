package dev.crossbench.ui.shell;

import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.task.Problem;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** The red bar under the menu: the latest error's message, its details on demand, and Dismiss. */
public final class ErrorBannerController {
    private final UiContext ui;

    @FXML private VBox errorBanner;
    @FXML private Label errorTitle;
    @FXML private Label errorMessage;
    @FXML private ToggleButton errorDetailsToggle;
    @FXML private TextArea errorDetails;

    public ErrorBannerController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        errorDetails.managedProperty().bind(errorDetails.visibleProperty());
        errorDetails.visibleProperty().bind(errorDetailsToggle.selectedProperty());
        show(ui.problems().current());
        ui.problems().currentProperty().addListener((o, old, p) -> show(p));
    }

    private void show(Problem p) {
        errorBanner.setVisible(p != null);
        errorDetailsToggle.setSelected(false);
        if (p == null) {
            return;
        }
        errorTitle.setText(p.title());
        errorMessage.setText(p.message());
        errorDetails.setText(p.details().isEmpty() ? p.message() : p.details());
        errorDetailsToggle.setDisable(p.details().isEmpty());
    }

    @FXML
    private void dismiss() {
        ui.problems().dismiss();
    }
}

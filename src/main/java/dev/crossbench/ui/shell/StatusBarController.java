package dev.crossbench.ui.shell;

import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.EnvironmentInfo;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

/** The bottom bar: the running task with its progress and Cancel, and the device and engines. */
public final class StatusBarController {
    private final UiContext ui;

    @FXML private Label statusTask;
    @FXML private ProgressBar statusProgress;
    @FXML private Label statusMessage;
    @FXML private Button cancelButton;
    @FXML private Label deviceLabel;
    @FXML private Label enginesLabel;

    public StatusBarController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        statusProgress.managedProperty().bind(statusProgress.visibleProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        ui.tasks().runningProperty().addListener((o, old, task) -> showTask(task));
        ui.tasks().pending().addListener((javafx.collections.ListChangeListener<WorkbenchTask<?>>) c -> showTask(ui.tasks().runningProperty().get()));
        showTask(null);
        ui.workspace().environmentProperty().addListener((o, old, env) -> showEnvironment(env));
    }

    private void showTask(WorkbenchTask<?> task) {
        statusTask.textProperty().unbind();
        statusMessage.textProperty().unbind();
        statusProgress.progressProperty().unbind();
        cancelButton.disableProperty().unbind();
        boolean busy = task != null;
        statusProgress.setVisible(busy);
        cancelButton.setVisible(busy);
        if (!busy) {
            statusTask.setText("Ready");
            statusMessage.setText("");
            return;
        }
        int queued = ui.tasks().pending().size() - 1;
        statusTask.textProperty().bind(task.titleProperty());
        statusProgress.progressProperty().bind(task.progressProperty());
        // After Cancel the task may still finish its current batch: say so rather than look stuck.
        statusMessage.textProperty().bind(Bindings.createStringBinding(() -> (task.getState() == Worker.State.CANCELLED
                ? "cancelling…" : task.getMessage()) + (queued > 0 ? "   (+" + queued + " queued)" : ""),
                task.messageProperty(), task.stateProperty()));
        cancelButton.disableProperty().bind(task.stateProperty().isEqualTo(Worker.State.CANCELLED));
    }

    private void showEnvironment(EnvironmentInfo env) {
        if (env == null) {
            return;
        }
        String device = env.device().gpu().map(g -> "GPU " + g.name() + String.format(" %.0f GiB", g.memoryBytes() / 1073741824.0))
                .orElse("CPU " + env.device().cpuModel() + " · " + env.device().logicalCores() + " cores · " + env.device().simd());
        deviceLabel.setText(device);
        deviceLabel.setTooltip(new Tooltip(env.device().summary() + "\n" + env.device().os() + ", " + env.device().java()));
        enginesLabel.setText(env.engines());
    }

    @FXML
    private void cancel() {
        ui.tasks().cancelRunning();
    }
}

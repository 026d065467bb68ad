package dev.crossbench.ui.task;

import java.util.function.Predicate;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * Progress and Cancel of a view's own long task (building an index, an evaluation), shown in the
 * view while that task runs, so the user need not look down at the status bar.
 */
public final class TaskProgressStrip extends HBox {
    private final ProgressBar bar = new ProgressBar();
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");

    public TaskProgressStrip() {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWidth(160);
        message.getStyleClass().add("hint");
        message.setMaxWidth(360);
        getChildren().addAll(bar, message, cancel);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Follows the worker: visible while a task that {@code mine} accepts is running. */
    public void follow(BackgroundTasks tasks, Predicate<WorkbenchTask<?>> mine) {
        tasks.runningProperty().addListener((o, old, task) -> show(task != null && mine.test(task) ? task : null));
        cancel.setOnAction(e -> tasks.cancelRunning());
    }

    private void show(WorkbenchTask<?> task) {
        bar.progressProperty().unbind();
        message.textProperty().unbind();
        cancel.disableProperty().unbind();
        setVisible(task != null);
        if (task != null) {
            bar.progressProperty().bind(task.progressProperty());
            message.textProperty().bind(task.messageProperty());
            cancel.disableProperty().bind(task.stateProperty().isEqualTo(Worker.State.CANCELLED));
        }
    }
}

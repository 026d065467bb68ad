package dev.crossbench.ui.task;

import dev.crossbench.model.EncodeProgress;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** A background task with a title from the start (the status bar shows it while it is queued). */
public abstract class WorkbenchTask<T> extends Task<T> {

    protected WorkbenchTask(String title) {
        updateTitle(title);
    }

    /** Hands {@code partial} to {@code sink} on the FX thread, unless the task has ended by then (cancelled or failed). */
    protected <V> void handOn(Consumer<V> sink, V partial) {
        Platform.runLater(() -> {
            if (!isDone()) {
                sink.accept(partial);
            }
        });
    }

    /** Progress of step {@code step} of {@code steps}, each reporting its own done/total. */
    protected EncodeProgress stepProgress(int step, int steps) {
        return (done, total) -> updateProgress(step * (long) total + done, (long) steps * total);
    }
}

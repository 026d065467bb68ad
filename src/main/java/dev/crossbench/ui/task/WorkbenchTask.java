package dev.crossbench.ui.task;

import dev.crossbench.model.EncodeProgress;
import javafx.concurrent.Task;

/** A background task with a title from the start (the status bar shows it while it is queued). */
public abstract class WorkbenchTask<T> extends Task<T> {

    protected WorkbenchTask(String title) {
        updateTitle(title);
    }

    /** Progress of step {@code step} of {@code steps}, each reporting its own done/total. */
    protected EncodeProgress stepProgress(int step, int steps) {
        return (done, total) -> updateProgress(step * (long) total + done, (long) steps * total);
    }
}

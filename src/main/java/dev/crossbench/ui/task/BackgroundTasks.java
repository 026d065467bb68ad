package dev.crossbench.ui.task;

import dev.crossbench.ui.workspace.RunRecord;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;

/**
 * Runs long work off the FX thread, one task at a time (two cores do not get faster with two
 * models fighting over them). {@link #runningProperty()} is the task that holds the worker thread
 * right now, which after a cancel may still be finishing its current batch; the status bar shows
 * it. Failures go to {@link Problems}, and every task ends up in the run history.
 */
public final class BackgroundTasks {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crossbench-worker");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<WorkbenchTask<?>> running = new SimpleObjectProperty<>();
    private final ObservableList<WorkbenchTask<?>> pending = FXCollections.observableArrayList();
    private final Problems problems;
    private final ObservableList<RunRecord> history;
    private final java.util.Map<WorkbenchTask<?>, Runnable> afterWorker = new java.util.HashMap<>();

    public BackgroundTasks(Problems problems, ObservableList<RunRecord> history) {
        this.problems = problems;
        this.history = history;
    }

    /** Call on the FX thread; {@code onSuccess} runs there too, with the task's value. */
    public <T> WorkbenchTask<T> submit(WorkbenchTask<T> task, Consumer<T> onSuccess) {
        return submit(task, onSuccess, () -> { });
    }

    /**
     * As {@link #submit(WorkbenchTask, Consumer)}, and {@code whenWorkerDone} runs on the FX thread
     * once the worker has really let go of the task, whatever its outcome: a cancelled task
     * counts as cancelled at once but may still be finishing its current step.
     */
    public <T> WorkbenchTask<T> submit(WorkbenchTask<T> task, Consumer<T> onSuccess, Runnable whenWorkerDone) {
        afterWorker.put(task, whenWorkerDone);
        pending.add(task);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> problems.report(task.getTitle() + " failed", task.getException()));
        worker.execute(() -> runOnWorker(task));
        return task;
    }

    private void runOnWorker(WorkbenchTask<?> task) {
        LocalDateTime started = LocalDateTime.now();
        long t0 = System.nanoTime();
        Platform.runLater(() -> running.set(task));
        try {
            task.run();
        } finally {
            double seconds = (System.nanoTime() - t0) / 1e9;
            Platform.runLater(() -> finished(task, started, seconds));
        }
    }

    private void finished(WorkbenchTask<?> task, LocalDateTime started, double seconds) {
        history.add(new RunRecord(started, task.getTitle(), seconds, outcome(task)));
        pending.remove(task);
        if (running.get() == task) {
            running.set(null);
        }
        Runnable after = afterWorker.remove(task);
        if (after != null) {
            after.run();
        }
    }

    private static String outcome(WorkbenchTask<?> task) {
        Worker.State s = task.getState();
        if (s == Worker.State.FAILED) {
            return "failed: " + Problems.userMessage(task.getException());
        }
        return s == Worker.State.CANCELLED ? "cancelled" : "done";
    }

    public ReadOnlyObjectProperty<WorkbenchTask<?>> runningProperty() {
        return running;
    }

    /** Tasks submitted and not yet finished, the running one included. */
    public ObservableList<WorkbenchTask<?>> pending() {
        return pending;
    }

    public boolean isIdle() {
        return pending.isEmpty();
    }

    /** Cancels the task on the worker (or, when none has started yet, the next one). */
    public void cancelRunning() {
        WorkbenchTask<?> t = running.get() != null ? running.get() : pending.isEmpty() ? null : pending.get(0);
        if (t != null) {
            t.cancel(false);
        }
    }

    /**
     * Cancels the running task and everything queued behind it. Work stops at its next check
     * (between batches): the worker is not interrupted inside native inference code.
     */
    public void cancelAll() {
        for (WorkbenchTask<?> t : java.util.List.copyOf(pending)) {
            t.cancel(false);
        }
    }

    /** Cancels everything and lets the worker end; does not wait for it (the FX thread must not block). */
    public void shutdown() {
        shutdown(() -> { });
    }

    /**
     * As {@link #shutdown()}, running {@code last} on the worker once the task on it has stopped
     * (to close models that only the worker uses).
     */
    public void shutdown(Runnable last) {
        cancelAll();
        worker.execute(last);
        worker.shutdown();
    }

    /**
     * After {@link #shutdown()}, at exit only: waits until the worker has left its current step.
     * A JVM that exits while the worker is inside libtorch (a training step) can crash in native code.
     */
    public boolean awaitStopped(long millis) {
        try {
            return worker.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

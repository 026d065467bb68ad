package dev.crossbench.ui;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.start.StartOptions;
import dev.crossbench.ui.workspace.Workspace;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real workbench window on TestFX's stage, with its own preferences node and nothing
 * loaded at start, and waits for background work.
 */
public final class WorkbenchFixture {
    private static final String PREFS_NODE = "dev/crossbench/workbench-test";
    private final Workbench workbench;

    private WorkbenchFixture(Workbench workbench) {
        this.workbench = workbench;
    }

    /** Call from TestFX's @Start method (on the FX thread). */
    public static WorkbenchFixture open(Stage stage) {
        return open(stage, CorpusIndexer.standard());
    }

    /** @param indexer where corpus embeddings are cached (an empty temporary store makes encoding happen) */
    public static WorkbenchFixture open(Stage stage, CorpusIndexer indexer) {
        WorkbenchPrefs prefs = new WorkbenchPrefs(Preferences.userRoot().node(PREFS_NODE));
        prefs.clear();
        StartOptions empty = new StartOptions(java.util.Optional.empty(), java.util.List.of(), false, false);
        return new WorkbenchFixture(Workbench.open(stage, empty, prefs, indexer));
    }

    /** Wraps a workbench a test opened itself (other start options, its own settings node). */
    public static WorkbenchFixture of(Workbench workbench) {
        return new WorkbenchFixture(workbench);
    }

    public Workbench workbench() {
        return workbench;
    }

    public UiContext ui() {
        return workbench.ui();
    }

    public Workspace workspace() {
        return workbench.ui().workspace();
    }

    /** Waits until no background task is queued or running. */
    public void waitIdle(long seconds) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(seconds, () -> ui().tasks().isIdle());
    }

    public void waitFor(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and waits for it. */
    public static void fx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window and waits for the worker to stop, so no native step outlives the test JVM. */
    public void close() {
        fx(workbench::close);
        ui().tasks().awaitStopped(60_000);
    }
}

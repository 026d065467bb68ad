package dev.crossbench.ui.actions;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelService;
import dev.crossbench.ui.settings.TimingSettings;
import dev.crossbench.ui.settings.TrainingSettings;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.task.BackgroundTasks;
import dev.crossbench.ui.task.Problems;
import dev.crossbench.ui.workspace.Workspace;
import javafx.stage.Window;

/**
 * What every controller is given: the observable workspace (the Model), the use-case actions,
 * the background tasks, the error bar, navigation, remembered settings and the window.
 */
public final class UiContext {
    private final Workspace workspace;
    private final Problems problems;
    private final BackgroundTasks tasks;
    private final Navigation navigation = new Navigation();
    private final TimingSettings timingSettings = new TimingSettings();
    private final TrainingSettings trainingSettings = new TrainingSettings();
    private final WorkbenchPrefs prefs;
    private final WorkbenchActions actions;
    private Window window;

    public UiContext(ModelService models, WorkbenchPrefs prefs) {
        this(models, CorpusIndexer.standard(), prefs);
    }

    /** @param indexer encodes and indexes corpora through its embedding cache (tests give an empty one) */
    public UiContext(ModelService models, CorpusIndexer indexer, WorkbenchPrefs prefs) {
        this.workspace = new Workspace();
        this.problems = new Problems();
        this.tasks = new BackgroundTasks(problems, workspace.history());
        this.prefs = prefs;
        this.actions = new WorkbenchActions(this, models, indexer);
    }

    public Workspace workspace() {
        return workspace;
    }

    public Problems problems() {
        return problems;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Navigation navigation() {
        return navigation;
    }

    public TimingSettings timingSettings() {
        return timingSettings;
    }

    public TrainingSettings trainingSettings() {
        return trainingSettings;
    }

    public WorkbenchPrefs prefs() {
        return prefs;
    }

    public WorkbenchActions actions() {
        return actions;
    }

    /** The main window, owner of file choosers. */
    public Window window() {
        return window;
    }

    public void setWindow(Window window) {
        this.window = window;
    }
}

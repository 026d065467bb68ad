package dev.crossbench.ui;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.start.StartOptions;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; {@link dev.crossbench.Launcher} starts it through {@link WorkbenchMain}. */
public class WorkbenchApp extends Application {
    private static final long EXIT_WAIT_MS = 15_000;
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        StartOptions options = StartOptions.parse(getParameters().getRaw());
        workbench = Workbench.open(stage, options, prefs(), CorpusIndexer.standard(), sessions());
        started(workbench);
    }

    /** Called once the window is up; the screenshot tour (test sources) drives the workbench from here. */
    protected void started(Workbench workbench) {
    }

    /**
     * -Dcrossbench.prefsNode=path keeps scripted runs (screenshots) out of the user's settings;
     * -Dcrossbench.prefsFresh=true empties that node first, so a run does not start from the
     * recent files and models an earlier run left there (and from its saved session).
     */
    private static WorkbenchPrefs prefs() {
        String node = System.getProperty("crossbench.prefsNode");
        if (node == null || node.isBlank()) {
            return WorkbenchPrefs.user();
        }
        java.util.prefs.Preferences p = java.util.prefs.Preferences.userRoot().node(node);
        if (Boolean.getBoolean("crossbench.prefsFresh")) {
            try {
                p.clear();
            } catch (java.util.prefs.BackingStoreException e) {
                throw new IllegalStateException("cannot reset the settings node " + node + ": " + e.getMessage(), e);
            }
        }
        return new WorkbenchPrefs(p);
    }

    /** A run on its own settings node keeps its own session too, and starts without it when told to start fresh. */
    private static SessionStore sessions() {
        String node = System.getProperty("crossbench.prefsNode");
        if (node == null || node.isBlank()) {
            return SessionStore.standard();
        }
        SessionStore store = SessionStore.forSettingsNode(CrossbenchHome.resolve(), node);
        if (Boolean.getBoolean("crossbench.prefsFresh")) {
            store.discard();
        }
        return store;
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
            // The window is gone; let a cancelled step (training, inference) end before the JVM does.
            workbench.ui().tasks().awaitStopped(EXIT_WAIT_MS);
        }
    }
}

package dev.crossbench.ui.start;

import dev.crossbench.data.PairDataset;
import dev.crossbench.ui.actions.RetrievalActions;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.SavedFile;
import dev.crossbench.ui.settings.SavedModelResult;
import dev.crossbench.ui.settings.SavedSession;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;

/**
 * Puts the saved session back at start: history and timings at once, then each loaded file again
 * (pairs, corpus, queries and qrels independently; a file that is gone is skipped) and, once the
 * pairs are in, their comparison as it was, without running a model. A comparison whose pairs file
 * has changed since is dropped. Whatever is dropped or cannot be read gets a line in History; the
 * workbench then starts with less, never not at all. Saving resumes once every reload has ended.
 */
final class SessionRestore {
    static final String TASK = "Restore session";

    /** What came back, so the first start does not load or compute it again. */
    record Restored(boolean pairs, boolean collection) {
        static final Restored NOTHING = new Restored(false, false);
    }

    private final UiContext ui;
    private final SessionKeeper keeper;
    private final boolean withPairs;
    private final Set<WorkbenchTask<?>> reloading = new HashSet<>();

    /** @param withPairs false when other pairs are about to be opened: the saved pairs and comparison are then left out */
    SessionRestore(UiContext ui, SessionKeeper keeper, boolean withPairs) {
        this.ui = ui;
        this.keeper = keeper;
        this.withPairs = withPairs;
    }

    Restored run() {
        Restored restored = Restored.NOTHING;
        try {
            SessionStore.Loaded loaded = keeper.store().load();
            if (loaded.note() != null) {
                note(loaded.note());
            }
            restored = apply(loaded.session());
        } catch (RuntimeException e) {
            // Saved state is a convenience: whatever is wrong with it, the workbench starts.
            note("the saved session could not be put back (" + e.getMessage() + "); starting without it");
        }
        armWhenReloaded();
        return restored;
    }

    private Restored apply(SavedSession s) {
        ui.workspace().history().addAll(0, s.history());
        ui.workspace().timings().setAll(s.timings());
        boolean pairs = withPairs && reloadPairs(s);
        RetrievalActions r = ui.actions().retrieval();
        boolean corpus = reload(s.corpus(), "corpus", r::openCorpus);
        boolean queries = reload(s.queries(), "queries", r::openQueries);
        boolean qrels = reload(s.qrels(), "qrels", r::openQrels);
        return new Restored(pairs, corpus || queries || qrels);
    }

    private boolean reloadPairs(SavedSession s) {
        SavedFile file = s.pairs();
        if (file == null) {
            if (s.comparison() != null) {
                note("the saved comparison has no pairs file; not restored");
            }
            return false;
        }
        if (!file.exists()) {
            note("pairs file " + file.fileName() + " is gone" + (s.comparison() != null ? "; its comparison was not restored" : ""));
            return false;
        }
        SavedSession.SavedComparison comparison = s.comparison();
        if (comparison != null && file.change().isPresent()) {
            note("pairs file " + file.fileName() + " " + file.change().get() + " the comparison; the comparison was not restored");
            comparison = null;
        }
        SavedSession.SavedComparison toRestore = comparison;
        reloading.add(ui.actions().openPairs(file.file(), () -> {
            if (toRestore != null) {
                restoreComparison(toRestore);
            }
        }));
        return true;
    }

    /** On the FX thread, right after the pairs are back in the workspace. */
    private void restoreComparison(SavedSession.SavedComparison saved) {
        PairDataset data = ui.workspace().pairs();
        try {
            if (saved.pairs() != data.size()) {
                throw new IllegalArgumentException("it was made on " + saved.pairs() + " pairs, the file has " + data.size());
            }
            List<ModelPairResult> models = saved.models().stream().map(SavedModelResult::toResult).toList();
            ui.workspace().setComparison(PairComparison.restored(data, models, saved.finishedAt()));
        } catch (RuntimeException e) {
            note("the saved comparison on " + data.name() + " could not be restored (" + e.getMessage() + ")");
        }
    }

    private boolean reload(SavedFile file, String what, Function<Path, WorkbenchTask<?>> open) {
        if (file == null) {
            return false;
        }
        if (!file.exists()) {
            note(what + " file " + file.fileName() + " is gone; not reloaded");
            return false;
        }
        reloading.add(open.apply(file.file()));
        return true;
    }

    /** Saving resumes when the last reload has left the task queue (its result, if any, is in by then). */
    private void armWhenReloaded() {
        if (reloading.isEmpty()) {
            keeper.arm();
            return;
        }
        ListChangeListener<WorkbenchTask<?>> watch = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends WorkbenchTask<?>> c) {
                reloading.retainAll(ui.tasks().pending());
                if (reloading.isEmpty()) {
                    ui.tasks().pending().removeListener(this);
                    keeper.arm();
                }
            }
        };
        ui.tasks().pending().addListener(watch);
    }

    private void note(String text) {
        System.err.println("crossbench: " + text);
        ui.workspace().history().add(new RunRecord(LocalDateTime.now(), TASK, 0, text));
    }
}

package dev.crossbench.ui.start;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QuerySet;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.SavedFile;
import dev.crossbench.ui.settings.SavedModelResult;
import dev.crossbench.ui.settings.SavedSession;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;

/**
 * Keeps the workbench's session on disk: after every finished task (each result arrives with one)
 * and on close. It starts saving only once {@link #arm() armed}, i.e. after the saved session has
 * been put back, so a half-restored workspace never overwrites a complete saved one. Each loaded
 * file's size and time are noted when it is loaded, so a later change to it is noticed on restart.
 */
public final class SessionKeeper {
    /** History grows with every task; the oldest entries beyond this are not kept across restarts. */
    static final int MAX_HISTORY = 500;
    private static final long FLUSH_WAIT_SECONDS = 10;
    private final UiContext ui;
    private final SessionStore store;
    private SavedFile pairs;
    private SavedFile corpus;
    private SavedFile queries;
    private SavedFile qrels;
    private boolean armed;
    /** One writer, so saves land in order; the JSON and the disk stay off the FX thread. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crossbench-session-writer");
        t.setDaemon(true);
        return t;
    });

    public SessionKeeper(UiContext ui, SessionStore store) {
        this.ui = ui;
        this.store = store;
        Workspace ws = ui.workspace();
        ws.pairsProperty().addListener((o, old, p) -> pairs = stamp(p, d -> d.source().orElse(null)));
        stampOnLoad(ws.corpusProperty(), Corpus::source, f -> corpus = f);
        stampOnLoad(ws.queriesProperty(), QuerySet::source, f -> queries = f);
        stampOnLoad(ws.qrelsProperty(), Qrels::source, f -> qrels = f);
        ws.history().addListener((ListChangeListener<RunRecord>) c -> saveIfArmed());
    }

    private static <T> void stampOnLoad(ObjectProperty<T> property, Function<T, Path> source,
            java.util.function.Consumer<SavedFile> into) {
        property.addListener((o, old, loaded) -> into.accept(stamp(loaded, source)));
    }

    private static <T> SavedFile stamp(T loaded, Function<T, Path> source) {
        return loaded == null ? null : SavedFile.of(source.apply(loaded)).orElse(null);
    }

    public SessionStore store() {
        return store;
    }

    /** From now on changes are saved; saves once at once. */
    void arm() {
        armed = true;
        saveIfArmed();
    }

    boolean isArmed() {
        return armed;
    }

    /** Saves unless the restore is still under way (or never ran: a start with --empty keeps the saved session). */
    public void saveIfArmed() {
        if (!armed) {
            return;
        }
        SavedSession session = capture(); // on the FX thread: the workspace is read where it changes
        writer.execute(() -> write(session));
    }

    /** Saves now and waits (a bounded time) until every queued save is on disk: on close, and for tests. */
    public void flush() {
        saveIfArmed();
        try {
            writer.submit(() -> { }).get(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("crossbench: the session was not written within " + FLUSH_WAIT_SECONDS + " s: " + e);
        }
    }

    private void write(SavedSession session) {
        try {
            store.save(session);
        } catch (CrossbenchException | IllegalStateException e) {
            // A session that cannot be written costs the next start its results, not this run its work.
            System.err.println("crossbench: " + e.getMessage());
        }
    }

    /** The workspace as a saved session. */
    SavedSession capture() {
        Workspace ws = ui.workspace();
        PairComparison c = ws.comparison();
        SavedSession.SavedComparison comparison = c == null || pairs == null ? null
                : new SavedSession.SavedComparison(c.finishedAt(), c.data().size(),
                        c.models().stream().map(SavedModelResult::of).toList());
        List<RunRecord> history = ws.history();
        List<RunRecord> kept = List.copyOf(history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size()));
        return new SavedSession(SavedSession.VERSION, pairs, corpus, queries, qrels, comparison, List.copyOf(ws.timings()), kept);
    }

}

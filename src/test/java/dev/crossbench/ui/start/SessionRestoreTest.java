package dev.crossbench.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.ModelService;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.SavedFile;
import dev.crossbench.ui.settings.SavedModelResult;
import dev.crossbench.ui.settings.SavedSession;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.SyntheticResults;
import dev.crossbench.ui.workspace.TimingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring needs no window: bad or stale saved state gives a start with less and a History note, never an exception. */
class SessionRestoreTest {
    private static UiContext ui() {
        return new UiContext(ModelService.standard(), new WorkbenchPrefs(Preferences.userRoot().node("dev/crossbench/session-restore-test")));
    }

    @Test
    void aTruncatedSessionFileStartsEmptyWithANoteInHistory(@TempDir Path home) throws Exception {
        SessionStore store = SessionStore.inHome(home);
        Files.writeString(store.file(), "{\"version\": 1, \"history\": [{\"started\": \"2026-01-0");
        UiContext ui = ui();
        SessionKeeper keeper = new SessionKeeper(ui, store);

        SessionRestore.Restored restored = new SessionRestore(ui, keeper, true).run();

        assertEquals(SessionRestore.Restored.NOTHING, restored);
        assertNull(ui.workspace().pairs());
        assertNull(ui.workspace().comparison());
        List<RunRecord> history = ui.workspace().history();
        assertEquals(1, history.size(), history::toString);
        assertEquals(SessionRestore.TASK, history.get(0).task());
        assertTrue(history.get(0).outcome().contains("was not read") && history.get(0).outcome().endsWith("starting empty"),
                history.get(0).outcome());
        assertTrue(keeper.isArmed(), "nothing to reload: saving resumes at once");
        keeper.flush();
        SessionStore.Loaded next = store.load();
        assertNull(next.note(), "a readable session replaced the broken one");
        assertEquals(1, next.session().history().size(), "the note is kept for the next start");
    }

    @Test
    void aComparisonWhosePairsFileIsGoneIsDroppedWithANoteAndTheRestComesBack(@TempDir Path home) throws Exception {
        Path pairsFile = Files.writeString(home.resolve("pairs.csv"), "a,b,1\n");
        SavedFile pairs = SavedFile.of(pairsFile).orElseThrow();
        Files.delete(pairsFile);
        var data = SyntheticResults.pairs(0.1, 0.9, 0.5);
        var model = SavedModelResult.of(SyntheticResults.model("bi", data, 0.2, 0.8, 0.6));
        TimingRow timing = new TimingRow("bi", "onnxruntime", TimingRow.QUERY, 1, 1, null, null, 4.0, 6.0);
        RunRecord earlier = new RunRecord(LocalDateTime.of(2026, 3, 4, 5, 6), "Compare 1 model on pairs", 2.0, "done");
        SessionStore store = SessionStore.inHome(home);
        store.save(new SavedSession(SavedSession.VERSION, pairs, null, null, null,
                new SavedSession.SavedComparison(LocalDateTime.now(), 3, List.of(model)), List.of(timing), List.of(earlier)));
        UiContext ui = ui();

        SessionKeeper keeper = new SessionKeeper(ui, store);
        SessionRestore.Restored restored = new SessionRestore(ui, keeper, true).run();
        // The restore's notes are saved by the keeper's background writer: let it finish before the folder is removed
        // (under load it was still writing when JUnit deleted the temporary folder, and the test failed on that).
        keeper.flush();

        assertEquals(SessionRestore.Restored.NOTHING, restored, "nothing to reload, so the first start opens pairs as usual");
        assertNull(ui.workspace().comparison());
        assertEquals(List.of(timing), List.copyOf(ui.workspace().timings()));
        List<RunRecord> history = ui.workspace().history();
        assertEquals(earlier, history.get(0));
        assertEquals("pairs file pairs.csv is gone; its comparison was not restored", history.get(1).outcome());
    }
}

package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.data.Corpus;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.start.StartOptions;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A session that survives: compare the sample pairs with all-MiniLM-L6-v2 and load a retrieval
 * collection, close the workbench, open a new one on the same settings and Crossbench home, and find
 * the comparison and the files there without a new comparison having run.
 */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class SessionRestoreFlowTest {
    private static final String PREFS_NODE = "dev/crossbench/workbench-session-test";
    private static final Path SAMPLE = Path.of("sample-data");
    private Stage firstStage;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        firstStage = stage;
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
            WorkbenchFixture.fx(app.workbench().stage()::hide);
        }
    }

    @Test
    void theComparisonAndTheLoadedFilesAreBackAfterARestart(FxRobot robot, @TempDir Path home) throws Exception {
        // A copy, so the start does not take it for the sample (which would also evaluate retrieval).
        Path pairs = Files.copy(SAMPLE.resolve("pairs-test.csv"), Files.createDirectories(home.resolve("data")).resolve("pairs-test.csv"));
        WorkbenchPrefs prefs = new WorkbenchPrefs(Preferences.userRoot().node(PREFS_NODE));
        prefs.clear();
        SessionStore sessions = SessionStore.inHome(home);

        StartOptions compareAtStart = new StartOptions(Optional.of(pairs), List.of(WorkbenchPrefs.DEFAULT_MODEL), true, false);
        app = open(firstStage, compareAtStart, prefs, sessions);
        WorkbenchFixture.fx(() -> {
            app.ui().actions().retrieval().openCorpus(SAMPLE.resolve("corpus.jsonl"));
            app.ui().actions().retrieval().openQueries(SAMPLE.resolve("queries.jsonl"));
            app.ui().actions().retrieval().openQrels(SAMPLE.resolve("qrels.tsv"));
        });
        app.waitIdle(600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        PairComparison before = app.workspace().comparison();
        assertNotNull(before, () -> "the start compared; history " + app.workspace().history());
        assertEquals(List.of(WorkbenchPrefs.DEFAULT_MODEL), before.modelNames());
        assertNotNull(app.workspace().retrievalCheck(), "the collection was loaded and checked");
        long comparisons = comparisonsIn(app.workspace().history());
        assertEquals(1, comparisons);

        app.close();
        WorkbenchFixture.fx(firstStage::hide);
        app = null;
        assertTrue(Files.isRegularFile(sessions.file()), "the session was saved in the Crossbench home");

        LocalDateTime reopened = LocalDateTime.now();
        StartOptions plain = new StartOptions(Optional.empty(), List.of(), true, false);
        Stage second = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        app = open(second, plain, prefs, sessions);
        app.waitIdle(300);

        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        PairComparison after = app.workspace().comparison();
        assertNotNull(after, () -> "the comparison is back; history " + app.workspace().history());
        assertEquals(before.modelNames(), after.modelNames());
        assertEquals(before.models().get(0).spearman(), after.models().get(0).spearman(), 1e-9);
        assertEquals(before.models().get(0).pearson(), after.models().get(0).pearson(), 1e-9);
        assertEquals(before.data().size(), after.data().size(), "number of pairs");
        assertEquals(before.finishedAt(), after.finishedAt(), "the same comparison, not a new one");
        assertEquals(pairs.toAbsolutePath().normalize(), app.workspace().pairs().source().orElseThrow());
        assertEquals(comparisons, comparisonsIn(app.workspace().history()), "no comparison ran after the restart");
        assertTrue(app.workspace().history().stream().noneMatch(r -> r.task().startsWith("Compare") && r.started().isAfter(reopened)));
        assertEquals(SAMPLE.resolve("corpus.jsonl").toAbsolutePath().normalize(), app.workspace().corpus().source().toAbsolutePath().normalize());
        assertEquals(SAMPLE.resolve("queries.jsonl").toAbsolutePath().normalize(), app.workspace().queries().source().toAbsolutePath().normalize());
        assertEquals(SAMPLE.resolve("qrels.tsv").toAbsolutePath().normalize(), app.workspace().qrels().source().toAbsolutePath().normalize());
        assertNotNull(app.workspace().retrievalCheck(), "checked again");
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.PAIRS));
        assertEquals(1, robot.lookup(".scatter").queryAllAs(ChartImage.class).size(), "the Pairs view draws the restored comparison");

        // Opening pairs replaces the comparison but leaves the retrieval collection loaded.
        Corpus corpus = app.workspace().corpus();
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(SAMPLE.resolve("pairs-dev.csv")));
        app.waitIdle(60);
        assertEquals("pairs-dev.csv", app.workspace().pairs().source().orElseThrow().getFileName().toString());
        assertSame(corpus, app.workspace().corpus());
        assertNotNull(app.workspace().queries());
        assertNotNull(app.workspace().qrels());
        assertNotNull(app.workspace().retrievalCheck());
    }

    private static long comparisonsIn(List<RunRecord> history) {
        return history.stream().filter(r -> r.task().startsWith("Compare ") && r.outcome().equals("done")).count();
    }

    private static WorkbenchFixture open(Stage stage, StartOptions options, WorkbenchPrefs prefs, SessionStore sessions)
            throws Exception {
        Workbench wb = WaitForAsyncUtils.asyncFx(() -> Workbench.open(stage, options, prefs, CorpusIndexer.standard(), sessions)).get();
        return WorkbenchFixture.of(wb);
    }
}

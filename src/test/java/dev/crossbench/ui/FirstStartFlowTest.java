package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.model.BundledModel;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.start.FirstStart;
import dev.crossbench.ui.start.SampleData;
import dev.crossbench.ui.start.StartOptions;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first start with empty settings, as a new user sees it: the sample pairs compared with
 * all-MiniLM-L6-v2 beside the bundled pair scorer, the bundled reranker preselected in Search and
 * Retrieval, and the retrieval sample evaluated with the bi-encoder alone and reranked. Skipped
 * only when a bundled model is missing from the classpath (a build without assets/models).
 */
@Tag("slow")
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class FirstStartFlowTest {
    private static final String PREFS_NODE = "dev/crossbench/workbench-first-start-test";
    private WorkbenchFixture app;
    private SessionStore sessions;

    @BeforeAll
    static void bundledModelsPresent() {
        assumeTrue(BundledModel.RERANKER.isAvailable(), "the bundled reranker is not on the classpath (assets/models)");
    }

    @Start
    void start(Stage stage) {
        WorkbenchPrefs prefs = new WorkbenchPrefs(Preferences.userRoot().node(PREFS_NODE));
        prefs.clear();
        // A session of its own that starts empty: a restored one would skip the start-up comparison.
        Path home;
        try {
            home = Files.createTempDirectory("crossbench-first-start");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sessions = SessionStore.inHome(home);
        app = WorkbenchFixture.of(Workbench.open(stage, StartOptions.defaults(), prefs, CorpusIndexer.standard(), sessions));
    }

    @AfterEach
    void close() throws java.io.IOException {
        app.close();
        Files.deleteIfExists(sessions.file());
        sessions.file().getParent().toFile().delete();
    }

    @Test
    void comparesWithThePairScorerAndEvaluatesRerankingOnTheSample(FxRobot robot) throws Exception {
        List<String> compared = new java.util.ArrayList<>(List.of(WorkbenchPrefs.DEFAULT_MODEL));
        BundledModel.forTask(BundledModel.Task.PAIR_SCORER).ifPresent(m -> compared.add(m.displayName()));
        String reranker = BundledModel.RERANKER.displayName();
        app.waitIdle(3600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());

        PairComparison pairs = app.workspace().comparison();
        assertNotNull(pairs, () -> "the start-up comparison ran; history " + app.workspace().history());
        assertEquals(compared, pairs.modelNames());
        assertEquals(SampleData.PAIRS_FILE, app.workspace().pairs().source().orElseThrow().getFileName().toString());
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.PAIRS));
        assertEquals(compared.size(), robot.lookup(".scatter").queryAllAs(ChartImage.class).size(), "a scatter for each model");
        assertEquals(View.PAIRS, app.ui().navigation().current(), "the evaluation left the comparison in front");

        for (View v : List.of(View.SEARCH, View.RETRIEVAL)) {
            WorkbenchFixture.fx(() -> app.ui().navigation().show(v));
            String picker = v == View.SEARCH ? "#searchCrossPicker" : "#retrievalCrossPicker";
            ComboBox<?> combo = robot.from(robot.lookup(picker).queryParent()).lookup(".combo-box").queryComboBox();
            assertEquals(reranker, combo.getValue(), v + " has the bundled reranker preselected");
        }

        RetrievalComparison retrieval = app.workspace().retrieval();
        assertNotNull(retrieval, () -> "the start-up retrieval evaluation ran; history " + app.workspace().history());
        assertEquals(SampleData.RETRIEVAL_FOLDER, app.workspace().corpus().source().getParent().getFileName().toString(),
                "the SQuAD sample, not the hand-written corpus");
        assertTrue(retrieval.isReranked());
        assertEquals(FirstStart.EVALUATION_K, retrieval.k());
        List<RetrievalComparison.Configuration> rows = retrieval.configurations();
        assertEquals(2, rows.size(), "the bi-encoder alone and reranked");
        assertEquals(2, robot.lookup("#metricsTable").queryTableView().getItems().size());
        assertTrue(rows.get(1).name().contains(reranker), rows.get(1).name());
        System.out.printf(Locale.ROOT, "first start: nDCG@10 %s %.2f, %s %.2f; Spearman x100 %s%n", rows.get(0).name(),
                100 * rows.get(0).metrics().mean(RetrievalComparison.NDCG_10), rows.get(1).name(),
                100 * rows.get(1).metrics().mean(RetrievalComparison.NDCG_10),
                pairs.models().stream().map(m -> String.format(Locale.ROOT, "%s %.2f", m.name(), 100 * m.spearman())).toList());
        assertEquals(0.8164, rows.get(0).metrics().mean(RetrievalComparison.NDCG_10), 1e-4, "MiniLM alone on the SQuAD sample");
        assertEquals(0.8922, rows.get(1).metrics().mean(RetrievalComparison.NDCG_10), 1e-3, "reranked (K=20), as `eval-retrieval` measures");
        app.workspace().history().forEach(r -> System.out.printf(Locale.ROOT, "first start: %6.1f s  %s%n", r.seconds(), r.task()));

        // Search with the preselected reranker, then choose none: the shown search runs again and its header follows.
        String query = app.workspace().queries().queries().get(0).text();
        WorkbenchFixture.fx(() -> {
            app.ui().navigation().show(View.SEARCH);
            robot.lookup("#queryField").queryAs(javafx.scene.control.TextField.class).setText(query);
            robot.lookup("#searchButton").queryButton().fire();
        });
        app.waitIdle(600);
        assertEquals(query, app.workspace().search().request().query());
        assertEquals(reranker, app.workspace().search().request().crossEncoder());
        assertEquals("Reranked by " + reranker, robot.lookup("#rerankedTitle").queryAs(javafx.scene.control.Label.class).getText());
        int searches = app.workspace().history().size();
        WorkbenchFixture.fx(() -> app.ui().actions().retrieval().reranker().choose(dev.crossbench.ui.settings.RerankerChoice.NONE));
        app.waitIdle(600);
        assertEquals(searches + 1, app.workspace().history().size(), "choosing another reranker searched again");
        assertNull(app.workspace().search().request().crossEncoder());
        assertEquals(query, app.workspace().search().request().query(), "the same query");
        assertEquals("Reranked (no cross-encoder chosen)", robot.lookup("#rerankedTitle").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#latencyLabel").queryAs(javafx.scene.control.Label.class).getText().indexOf("rerank") < 0,
                "no rerank stage in the latency line");
    }
}

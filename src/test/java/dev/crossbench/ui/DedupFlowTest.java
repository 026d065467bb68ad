package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupInput;
import dev.crossbench.app.DedupResult;
import dev.crossbench.app.DedupService;
import dev.crossbench.app.DedupSettings;
import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.GoldPairsReader;
import dev.crossbench.data.PairReader;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.testutil.TestModels;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.export.DedupFormat;
import dev.crossbench.ui.settings.DedupRunSettings;
import dev.crossbench.ui.task.DedupTask;
import dev.crossbench.ui.workspace.DedupOutcome;
import dev.crossbench.ui.workspace.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Dedup view with the real all-MiniLM-L6-v2 on the sentences of sample-data/pairs-test.csv (gold: its pairs
 * scored >= 4): the figures it shows at two slider positions are checked against DedupService and DedupEvaluation
 * run here on the same input, and against the figures measured once; moving the slider
 * runs no model; a bad threshold and a missing corpus are one line in the error bar and keep the result; exports;
 * a cancelled run over the sample corpus keeps the result too.
 */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class DedupFlowTest {
    private static final Path PAIRS = Path.of("sample-data", "pairs-test.csv");
    private static final Path CORPUS = Path.of("sample-data", "corpus.jsonl");
    private static final String MODEL = "all-MiniLM-L6-v2";
    private WorkbenchFixture app;
    private Path cache;

    @Start
    void start(Stage stage) throws Exception {
        cache = Files.createTempDirectory("crossbench-dedup-flow");
        // An empty embedding cache: the run encodes, so Cancel has something to stop.
        app = WorkbenchFixture.open(stage, new CorpusIndexer(new EmbeddingStore(cache, EmbeddingStore.DEFAULT_CHUNK)));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        try (var files = Files.walk(cache)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void deduplicatesThePairsSentencesAndMovesTheThresholdWithoutRunningAgain(FxRobot robot, @TempDir Path tmp) throws Exception {
        DedupRunSettings s = app.ui().actions().dedup().settings();
        WorkbenchFixture.fx(() -> {
            app.ui().actions().addModel(MODEL);
            app.ui().actions().openPairs(PAIRS);
            app.ui().navigation().show(View.DEDUP);
        });
        app.waitIdle(300);
        // ONNX Runtime: the faster engine here keeps the test short (its figures are the ones measured below).
        WorkbenchFixture.fx(() -> app.workspace().models().get(0).engineProperty().set(EngineChoice.ONNXRUNTIME));

        WorkbenchFixture.fx(() -> s.candidateThresholdProperty().set("abc"));
        robot.clickOn("#dedupButton");
        app.waitIdle(30);
        assertEquals("candidate threshold 'abc' is not a number", errorText(robot));
        assertNull(app.workspace().dedup());

        WorkbenchFixture.fx(() -> {
            s.candidateThresholdProperty().set("0.75");
            app.ui().problems().dismiss();
        });
        robot.clickOn("#dedupButton");
        app.waitIdle(600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        DedupOutcome outcome = app.workspace().dedup();
        assertNotNull(outcome, () -> "a result; history " + app.workspace().history());
        DedupResult gui = outcome.result();

        // The same input through the service and the evaluation (the view's cached embeddings: encoding again would
        // only cost time; the candidates, clusters and scores are computed anew).
        ModelSpec spec = app.workspace().selectedSpecs(ModelKind.BI).get(0);
        DedupInput input = DedupInput.of(DedupService.sentencesOf(PairReader.read(PAIRS)), DocumentFormat.TITLE_AND_TEXT);
        DedupResult ref;
        try (BiEncoder bi = new ModelService(TestModels.catalog()).openBiEncoder(spec.descriptor(), spec.engine(), spec.options())) {
            ref = new DedupService(new CorpusIndexer(new EmbeddingStore(cache, EmbeddingStore.DEFAULT_CHUNK)))
                    .run(input, bi, null, DedupSettings.DEFAULTS.withThresholds(0.85, 0.5, 0.75), (p, d, t) -> { }, () -> false);
        }
        AcceptRule at80 = AcceptRule.biOnly(0.80);
        AcceptRule at90 = AcceptRule.biOnly(0.90);
        DedupEvaluation e = DedupEvaluation.evaluate(ref, GoldPairsReader.read(PAIRS, 4.0), List.of(at80, at90));
        System.out.printf(Locale.ROOT, "dedup flow: %d texts, %d distinct, %d candidates, %d comparisons; 0.80: %d pairs, %d clusters, %s;"
                + " 0.90: %d pairs, %d clusters, %s%n", ref.rows(), ref.groups().groups(), ref.pairs().size(), ref.comparisons(),
                ref.accepted(at80).size(), ref.clusters(at80).list().size(), DedupFormat.scores(e.rows().get(0)),
                ref.accepted(at90).size(), ref.clusters(at90).list().size(), DedupFormat.scores(e.rows().get(1)));
        // Measured once (all-MiniLM-L6-v2 on ONNX Runtime): 134 distinct sentences, all 8,911 pairs compared (exact), 80 candidates.
        assertEquals(List.of(134, 134, 80, 8911L), List.of(ref.rows(), ref.groups().groups(), ref.pairs().size(), ref.comparisons()));
        assertEquals(ref.rows(), gui.rows());
        assertEquals(ref.pairs().size(), gui.pairs().size(), "candidate pairs");
        String summary = robot.lookup("#dedupSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains(String.format(Locale.ROOT, "%,d candidate pairs", ref.pairs().size())), summary);
        assertTrue(summary.contains(String.format(Locale.ROOT, "comparisons done: %,d of n(n-1)/2 = %,d", ref.comparisons(),
                ref.allPairCount())), summary);

        // Measured once: accepted pairs, clusters, precision and recall x100 at 0.80 and at 0.90.
        int[][] measured = {{61, 20}, {14, 10}};
        String[] measuredScores = {"precision 40.98 · recall 75.76", "precision 50.00 · recall 21.21"};
        int historyBefore = app.workspace().history().size();
        int[] clustersAt = new int[2];
        for (int i = 0; i < 2; i++) {
            AcceptRule rule = i == 0 ? at80 : at90;
            PairCounts counts = e.rows().get(i).pairs();
            setSlider(rule.biThreshold());
            int accepted = ref.accepted(rule).size();
            clustersAt[i] = ref.clusters(rule).list().size();
            assertEquals(List.of(measured[i][0], measured[i][1]), List.of(accepted, clustersAt[i]), "measured at " + rule);
            assertTrue(DedupFormat.scores(e.rows().get(i)).startsWith(measuredScores[i]), DedupFormat.scores(e.rows().get(i)));
            assertEquals(clustersAt[i], table(robot).getItems().size(), "clusters at " + rule);
            String line = robot.lookup("#dedupAccepted").queryAs(Label.class).getText();
            assertTrue(line.startsWith(String.format(Locale.ROOT, "cosine >= %.2f: %,d duplicate pairs", rule.biThreshold(), accepted)), line);
            String scores = robot.lookup("#dedupScores").queryAs(Label.class).getText();
            assertTrue(scores.contains(String.format(Locale.ROOT, "precision %.2f · recall %.2f · F1 %.2f", counts.precision() * 100,
                    counts.recall() * 100, counts.f1() * 100)), scores);
        }
        assertNotEquals(clustersAt[0], clustersAt[1], "the slider changes the table");
        assertEquals(historyBefore, app.workspace().history().size(), "moving the slider runs nothing");
        assertSame(outcome, app.workspace().dedup());

        // A cluster's detail lists its texts and pair scores.
        WorkbenchFixture.fx(() -> table(robot).getSelectionModel().select(0));
        String detail = robot.lookup("#dedupDetail").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(detail.contains("cosine 0."), detail);

        // Exports at the slider's threshold (0.90).
        Path pairsCsv = tmp.resolve("pairs.csv");
        Path clustersJsonl = tmp.resolve("clusters.jsonl");
        Path report = tmp.resolve("report.html");
        WorkbenchFixture.fx(() -> {
            app.ui().actions().dedup().exportPairs(pairsCsv);
            app.ui().actions().dedup().exportClusters(clustersJsonl);
            app.ui().actions().exportReport(report);
        });
        app.waitIdle(120);
        assertEquals(1 + ref.groups().copies() + ref.accepted(at90).size(), Files.readAllLines(pairsCsv, StandardCharsets.UTF_8).size());
        assertEquals(clustersAt[1], Files.readAllLines(clustersJsonl, StandardCharsets.UTF_8).size());
        String html = Files.readString(report);
        assertTrue(html.contains("<h2>Deduplication</h2>") && html.contains("<img alt=\"dedup-precision-recall\""), "report section");

        // Bad inputs keep the result.
        WorkbenchFixture.fx(() -> s.candidateThresholdProperty().set("abc"));
        robot.clickOn("#dedupButton");
        app.waitIdle(30);
        assertEquals("candidate threshold 'abc' is not a number", errorText(robot));
        WorkbenchFixture.fx(() -> {
            s.candidateThresholdProperty().set("0.75");
            s.sourceProperty().set(DedupRunSettings.Source.CORPUS);
        });
        robot.clickOn("#dedupButton");
        app.waitIdle(30);
        assertTrue(errorText(robot).startsWith("load a corpus first"), errorText(robot));
        assertSame(outcome, app.workspace().dedup());
        assertEquals(clustersAt[1], table(robot).getItems().size());

        // A run over the sample corpus (420 passages, not cached), cancelled, keeps the result.
        WorkbenchFixture.fx(() -> {
            app.ui().problems().dismiss();
            app.ui().actions().retrieval().openCorpus(CORPUS);
        });
        app.waitIdle(60);
        robot.clickOn("#dedupButton");
        // Cancelled as soon as it runs: the service stops at its first check (the next batch of texts).
        app.waitFor(120, () -> app.ui().tasks().runningProperty().get() instanceof DedupTask);
        WorkbenchFixture.fx(() -> app.ui().tasks().cancelRunning());
        app.waitIdle(60);
        RunRecord last = app.workspace().history().get(app.workspace().history().size() - 1);
        assertEquals("cancelled", last.outcome(), last::toString);
        assertNull(app.ui().problems().current(), "a cancel is not an error");
        assertSame(outcome, app.workspace().dedup());
        assertEquals(clustersAt[1], table(robot).getItems().size());
        app.workspace().history().forEach(h -> System.out.printf(Locale.ROOT, "dedup flow: %.1f s %s: %s%n", h.seconds(), h.task(),
                h.outcome()));
    }

    private void setSlider(double value) {
        WorkbenchFixture.fx(() -> ((Slider) app.workbench().stage().getScene().lookup("#dedupThreshold")).setValue(value));
    }

    @SuppressWarnings("unchecked")
    private static TableView<DedupFormat.ClusterLine> table(FxRobot robot) {
        return robot.lookup("#dedupTable").queryAs(TableView.class);
    }

    private static String errorText(FxRobot robot) {
        return robot.lookup("#errorMessage").queryAs(Label.class).getText();
    }
}

package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.PairEvaluationService;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.settings.TrainingSettings;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.TimingRow;
import dev.crossbench.ui.workspace.TrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training view on tiny slices of the sample pairs (all-MiniLM-L6-v2's body, max length 32):
 * a cancelled run, refused inputs, and a finished run whose cross-encoder is compared in Pairs
 * with the numbers of {@link PairEvaluationService} and timed in Timing.
 */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class TrainingFlowTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** The first {@code n} pairs of a sample file, written as a CSV of their own. */
    static Path slice(String file, int n, Path dir) throws IOException {
        PairDataset d = PairReader.read(SAMPLE.resolve(file));
        List<String> lines = new ArrayList<>(List.of("sentence1,sentence2,score"));
        for (LabeledPair p : d.pairs().subList(0, n)) {
            lines.add(csv(p.sentence1()) + "," + csv(p.sentence2()) + "," + p.score());
        }
        Path out = dir.resolve(file.replace(".csv", "-" + n + ".csv"));
        Files.write(out, lines, StandardCharsets.UTF_8);
        return out;
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private void settings(Path train, Path dev, int epochs, int batch, Path out) {
        WorkbenchFixture.fx(() -> {
            TrainingSettings s = app.ui().trainingSettings();
            s.kindProperty().set(ModelKind.CROSS);
            s.baseProperty().set("all-MiniLM-L6-v2");
            s.trainFileProperty().set(train.toString());
            s.devFileProperty().set(dev.toString());
            s.epochsProperty().set(epochs);
            s.batchSizeProperty().set(batch);
            s.maxLengthProperty().set(32);
            s.outputProperty().set(out.toString());
        });
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void cancelledTrainingKeepsNoHalfWrittenModel(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("models").resolve("cancelled");
        settings(slice("pairs-train.csv", 64, tmp), slice("pairs-dev.csv", 16, tmp), 3, 1, out);
        app.waitIdle(60);
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.TRAINING));
        robot.clickOn("#trainButton");
        app.waitFor(180, () -> app.workspace().training() != null && app.workspace().training().lastStepProperty().get() != null);
        assertEquals(TrainingRun.Status.RUNNING, app.workspace().training().status());
        robot.clickOn("#cancelTrainingButton");
        app.waitIdle(120);

        TrainingRun run = app.workspace().training();
        assertEquals(TrainingRun.Status.CANCELLED, run.status());
        assertEquals("Cancelled", text(robot, "#trainingStatus"));
        var lastStep = run.lastStepProperty().get();
        assertTrue(lastStep.step() < lastStep.totalSteps(), "the trainer stopped early: step " + lastStep.step() + " of "
                + lastStep.totalSteps());
        assertTrue(text(robot, "#trainingOutcome").startsWith("Cancelled"), text(robot, "#trainingOutcome"));
        assertTrue(text(robot, "#trainingOutcome").contains("nothing was saved"), text(robot, "#trainingOutcome"));
        assertTrue(text(robot, "#trainingStats").startsWith("epoch 1 · step "), text(robot, "#trainingStats"));
        assertFalse(text(robot, "#trainingStats").contains("ETA"), "no estimate left after the run ended: " + text(robot, "#trainingStats"));
        RunRecord last = app.workspace().history().get(app.workspace().history().size() - 1);
        assertEquals("Train a cross-encoder from all-MiniLM-L6-v2", last.task());
        assertEquals("cancelled", last.outcome());
        assertNull(app.ui().problems().current(), "a cancel is not an error");
        assertTrue(app.workspace().models().stream().noneMatch(m -> m.name().equals("cancelled")), "a cancelled run is not chosen");
        // Either no folder at all (cancelled in epoch 1) or a whole checkpoint; never a partial one.
        if (Files.exists(out)) {
            for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json"}) {
                assertTrue(Files.isRegularFile(out.resolve(f)), "a checkpoint folder is complete: " + f);
            }
        }
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".writing-")), "no temporary folder is left");
        }
    }

    @Test
    void refusedInputsShowInTheErrorBar(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "something the user wants");
        settings(slice("pairs-train.csv", 8, tmp), slice("pairs-dev.csv", 8, tmp), 1, 4, full);
        app.waitIdle(60);
        WorkbenchFixture.fx(() -> app.ui().actions().trainModel());
        app.waitIdle(60);
        assertNotNull(app.ui().problems().current());
        assertTrue(app.ui().problems().current().message().contains("not empty"), app.ui().problems().current().message());
        assertEquals(TrainingRun.Status.FAILED, app.workspace().training().status());
        assertTrue(Files.exists(full.resolve("keep.txt")), "the folder is left alone");

        Path missing = tmp.resolve("no-such-pairs.csv");
        WorkbenchFixture.fx(() -> {
            app.ui().trainingSettings().trainFileProperty().set(missing.toString());
            app.ui().trainingSettings().outputProperty().set(tmp.resolve("new").toString());
            app.ui().actions().trainModel();
        });
        app.waitIdle(60);
        assertTrue(app.ui().problems().current().message().contains("no-such-pairs.csv"), app.ui().problems().current().message());
        assertTrue(robot.lookup("#errorBanner").query().isVisible());

        WorkbenchFixture.fx(() -> app.ui().trainingSettings().learningRateProperty().set("fast"));
        WorkbenchFixture.fx(() -> app.ui().actions().trainModel());
        assertTrue(app.ui().problems().current().message().contains("'fast' is not a number"));
    }

    @Test
    void trainedCrossEncoderJoinsTheModelsAndIsComparedAndTimed(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tiny-ce");
        settings(slice("pairs-train.csv", 48, tmp), slice("pairs-dev.csv", 24, tmp), 1, 16, out);
        WorkbenchFixture.fx(() -> app.ui().actions().addModel("all-MiniLM-L6-v2"));
        app.waitIdle(120);
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.TRAINING));
        robot.clickOn("#trainButton");
        app.waitIdle(300);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        assertEquals(TrainingRun.Status.DONE, app.workspace().training().status());
        assertEquals("Done", text(robot, "#trainingStatus"));
        assertEquals(1, robot.lookup("#epochTable").queryTableView().getItems().size());
        ChartImage loss = robot.lookup(".loss-chart").queryAs(ChartImage.class);
        app.waitFor(30, () -> loss.rendersProperty().get() > 0);

        ModelChoice trained = app.workspace().models().stream().filter(m -> m.name().equals("tiny-ce")).findFirst().orElseThrow();
        assertEquals(ModelKind.CROSS, trained.kind());
        assertTrue(trained.isSelected(), "ticked for the next comparison");
        assertEquals(32, trained.maxSeqLengthProperty().get(), "the length it was trained with");
        assertEquals(1, app.workspace().trained().size());

        Path pairs = WorkbenchFlowTest.resource("pairs-small.csv");
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(pairs));
        app.waitIdle(30);
        robot.clickOn("Pairs");
        robot.clickOn("#compareButton");
        app.waitIdle(300);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        List<ChartImage> scatters = robot.lookup(".scatter").queryAllAs(ChartImage.class).stream().toList();
        assertEquals(2, scatters.size(), "one scatter per model");
        ChartImage ce = scatters.stream().filter(c -> c.chart().getTitle().getText().equals("tiny-ce")).findFirst().orElseThrow();
        assertEquals("predicted (cross-encoder score)", ce.chart().getXYPlot().getRangeAxis().getLabel());
        double shown = PairsAcceptanceTest.spearmanIn(((TextTitle) ce.chart().getSubtitle(0)).getText());

        // The CLI's path: eval-pairs --cross FOLDER with its defaults (batch 32, sigmoid, the tokenizer's max length).
        PairDataset data = PairReader.read(pairs);
        double direct;
        try (CrossEncoder enc = ModelService.standard().openCrossEncoder(out.toString(), EngineChoice.AUTO, 32,
                ScoreActivation.SIGMOID, null)) {
            direct = new PairEvaluationService().evaluate(data, enc, EncodeProgress.NONE, () -> false).correlations().main().spearman();
        }
        assertEquals(String.format(Locale.ROOT, "%.4f", direct), String.format(Locale.ROOT, "%.4f", shown));
        assertEquals(List.of("all-MiniLM-L6-v2", "tiny-ce"), app.workspace().comparison().modelNames());
        assertEquals(2, app.workspace().comparison().disagreements().get(0).predicted().length, "both models in the table");

        // The timing table fills in per model: MiniLM's rows arrive while tiny-ce is still being measured.
        List<String> timingUpdates = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkbenchFixture.fx(() -> app.workspace().timings().addListener((javafx.collections.ListChangeListener<TimingRow>) c -> {
            var task = app.ui().tasks().runningProperty().get();
            timingUpdates.add(c.getList().stream().map(TimingRow::model).distinct().toList() + " "
                    + (task == null ? "none" : task.getState()));
        }));
        WorkbenchFixture.fx(() -> {
            app.ui().timingSettings().textsProperty().set(16);
            app.ui().timingSettings().batchSizesProperty().set("8");
            app.ui().timingSettings().repeatsProperty().set(1);
            app.ui().timingSettings().rerankDepthsProperty().set("10");
            app.ui().actions().measureTiming();
        });
        app.waitIdle(300);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        List<TimingRow> rows = List.copyOf(app.workspace().timings());
        TimingRow scoring = rows.stream().filter(r -> r.stage().equals(TimingRow.SCORE_PAIRS)).findFirst().orElseThrow();
        assertEquals("tiny-ce", scoring.model());
        assertTrue(scoring.sentencesPerSecond() > 0);
        TimingRow rerank = rows.stream().filter(r -> r.stage().equals(TimingRow.RERANK)).findFirst().orElseThrow();
        assertEquals(10, rerank.texts());
        assertEquals("all-MiniLM-L6-v2", rerank.versus());
        assertTrue(rerank.medianMillis() > 0 && rerank.crossOverBiEncode() > 0 && rerank.crossOverBiIndexed() > 0);
        assertFalse(robot.lookup(".cost-ratio").queryAll().isEmpty(), "the cost ratio chart is shown");
        assertEquals(List.of("[all-MiniLM-L6-v2] RUNNING", "[all-MiniLM-L6-v2, tiny-ce] SUCCEEDED"), timingUpdates);
    }
}

package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.testutil.SharedData;
import dev.crossbench.ui.workspace.DisagreementRow;
import dev.crossbench.ui.workspace.RunRecord;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import dev.crossbench.ui.charts.ChartImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A pair comparison with the real all-MiniLM-L6-v2, clicking a dot, exporting; and cancelling a long one. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class PairComparisonFlowTest {
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void comparesWithTheBuiltInModelShowsAClickedPairAndExports(FxRobot robot, @TempDir Path out) throws Exception {
        robot.clickOn("Models");
        ListView<?> catalog = robot.lookup("#catalogList").queryListView();
        assertEquals(0, catalog.getSelectionModel().getSelectedIndex(), "all-MiniLM-L6-v2 is the first built-in");
        robot.clickOn("#addBuiltinButton");
        app.waitIdle(120);
        assertEquals(1, robot.lookup("#chosenList").queryListView().getItems().size());
        assertEquals("all-MiniLM-L6-v2", app.workspace().models().get(0).name());

        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(WorkbenchFlowTest.resource("pairs-small.csv")));
        app.waitIdle(30);
        robot.clickOn("Pairs");
        robot.clickOn("#compareButton");
        app.waitIdle(300);

        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        List<ChartImage> scatters = robot.lookup(".scatter").queryAllAs(ChartImage.class).stream().toList();
        assertEquals(1, scatters.size(), "one scatter per model");
        String metrics = ((org.jfree.chart.title.TextTitle) scatters.get(0).chart().getSubtitle(0)).getText();
        double spearman = PairsAcceptanceTest.spearmanIn(metrics);
        assertEquals(app.workspace().comparison().models().get(0).spearman(), spearman, 0.00005, metrics);
        assertTrue(spearman > 0.7, "MiniLM ranks these easy pairs well: " + metrics);
        assertTrue(metrics.matches(".*Pearson r [0-9.]+ \\[[0-9.]+, [0-9.]+\\].*"), "with a 95% interval: " + metrics);
        // The leaderboard above the charts: Spearman x100 as leaderboards print it, and the one model's card takes
        // the full width of the grid.
        javafx.scene.control.TableView<?> board = robot.lookup(".leaderboard").queryTableView();
        assertEquals(1, board.getItems().size());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", 100 * spearman), board.getColumns().get(3).getCellData(0));
        assertEquals("all-MiniLM-L6-v2", board.getColumns().get(1).getCellData(0));
        javafx.scene.control.ScrollPane grid = robot.lookup("#cardsScroll").queryAs(javafx.scene.control.ScrollPane.class);
        double viewport = grid.getViewportBounds().getWidth();
        assertTrue(scatters.get(0).getWidth() > 0.85 * viewport, "one model takes the full width: " + scatters.get(0).getWidth()
                + " of " + viewport);

        int item = 4;
        app.waitFor(30, () -> scatters.get(0).renderingInfo() != null);
        clickDot(robot, scatters.get(0), item);
        LabeledPair pair = app.workspace().pairs().get(item);
        assertEquals(item, app.workspace().selectedPairProperty().get());
        assertEquals("A: " + pair.sentence1(), robot.lookup("#pointText1").queryAs(Label.class).getText());
        assertEquals("B: " + pair.sentence2(), robot.lookup("#pointText2").queryAs(Label.class).getText());
        DisagreementRow row = (DisagreementRow) robot.lookup("#disagreementTable").queryTableView().getSelectionModel().getSelectedItem();
        assertEquals(item, row.index(), "the pair's row is selected too");

        WorkbenchFixture.fx(() -> {
            app.ui().actions().exportCharts(out.resolve("charts"));
            app.ui().actions().exportTables(out.resolve("tables"));
            app.ui().actions().exportReport(out.resolve("report.html"));
        });
        app.waitIdle(120);
        byte[] png = Files.readAllBytes(out.resolve("charts").resolve("scatter-all-MiniLM-L6-v2.png"));
        assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG of the scatter");
        assertTrue(Files.exists(out.resolve("charts").resolve("histogram-gold.png")));
        List<String> csv = Files.readAllLines(out.resolve("tables").resolve("correlations.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("model,engine,similarity,pearson"), csv.get(0));
        assertTrue(csv.get(1).startsWith("all-MiniLM-L6-v2,"), csv.get(1));
        assertEquals(25, Files.readAllLines(out.resolve("tables").resolve("disagreements.csv")).size());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Spearman ρ") && report.contains("data:image/png;base64,") && report.contains("pairs-small"));
    }

    /** Clicks the centre of the dot of pair {@code item}, found in the chart's entity map. */
    private static void clickDot(FxRobot robot, ChartImage chart, int item) {
        Rectangle2D area = null;
        for (Object o : chart.renderingInfo().getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            if (e instanceof XYItemEntity xy && xy.getSeriesIndex() == 0 && xy.getItem() == item) {
                area = xy.getArea().getBounds2D();
            }
        }
        assertTrue(area != null, "pair " + item + " is drawn");
        Point2D onScreen = chart.localToScreen(area.getCenterX(), area.getCenterY());
        robot.clickOn(onScreen);
    }

    @Test
    void cancelsALongComparisonAndStaysUsable(FxRobot robot) throws Exception {
        Path stsb = SharedData.stsb("test");
        WorkbenchFixture.fx(() -> {
            app.ui().actions().addModel("bge-small-en-v1.5");
            app.ui().actions().openPairs(stsb);
        });
        app.waitIdle(120);
        robot.clickOn("Pairs");
        robot.clickOn("#compareButton");
        app.waitFor(120, () -> app.ui().tasks().runningProperty().get() != null
                && app.ui().tasks().runningProperty().get().getProgress() > 0);
        assertTrue(robot.lookup("#cancelButton").query().isVisible());
        long t0 = System.nanoTime();
        robot.clickOn("#cancelButton");
        app.waitIdle(60);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("cancel: the worker stopped %.2f s after Cancel%n", seconds);

        RunRecord last = app.workspace().history().get(app.workspace().history().size() - 1);
        assertTrue(last.task().startsWith("Compare 1 model on sts-test"), last.task());
        assertEquals("cancelled", last.outcome());
        assertNull(app.workspace().comparison(), "no partial result is shown");
        assertNull(app.ui().problems().current(), "a cancel is not an error");
        assertEquals("Ready", robot.lookup("#statusTask").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#cancelButton").query().isVisible());
        assertTrue(robot.lookup("#comparisonEmpty").query().isVisible());

        // The worker is free again: a small comparison runs to the end.
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(WorkbenchFlowTest.resource("pairs-small.csv")));
        app.waitIdle(30);
        robot.clickOn("#compareButton");
        app.waitIdle(300);
        assertEquals("done", app.workspace().history().get(app.workspace().history().size() - 1).outcome());
        assertEquals(24, app.workspace().comparison().data().size());
    }

    /** Issue 13: the first model's chart and leaderboard row are on screen, with progress, while the second runs. */
    @Test
    void showsEachModelAsSoonAsItIsScored(FxRobot robot) throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkbenchFixture.fx(() -> {
            app.ui().actions().addModel("all-MiniLM-L6-v2");
            app.ui().actions().addModel("bge-small-en-v1.5");
            app.ui().actions().openPairs(WorkbenchFlowTest.resource("pairs-small.csv"));
            // What the view shows each time the comparison changes (its own listener, registered first, has run).
            app.workspace().comparisonProperty().addListener((o, old, c) -> {
                if (c != null) {
                    var task = app.ui().tasks().runningProperty().get();
                    seen.add(c.models().size() + " models, task " + (task == null ? "none" : task.getState()) + ", "
                            + robot.lookup(".scatter").queryAll().size() + " scatters, "
                            + robot.lookup(".leaderboard").queryTableView().getItems().size() + " rows, strip "
                            + (robot.lookup("#compareProgress").query().isVisible() ? "shown" : "hidden"));
                }
            });
        });
        app.waitIdle(120);
        robot.clickOn("Pairs");
        robot.clickOn("#compareButton");
        app.waitIdle(300);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        assertEquals(List.of("1 models, task RUNNING, 1 scatters, 1 rows, strip shown",
                "2 models, task SUCCEEDED, 2 scatters, 2 rows, strip shown"),
                seen, "the first model on screen with progress before the second finished, then both");
        assertFalse(robot.lookup("#compareProgress").query().isVisible(), "the strip leaves with the task");
    }
}

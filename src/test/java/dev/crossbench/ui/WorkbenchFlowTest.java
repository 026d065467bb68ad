package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.PairDataset;
import dev.crossbench.ui.data.DataController.PairRow;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Loading pairs through the workbench, and a bad file that leaves the loaded pairs alone. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class WorkbenchFlowTest {
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    static Path resource(String name) {
        try {
            return Path.of(WorkbenchFlowTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startsWithEmptyStatesAndTheDevice(FxRobot robot) throws Exception {
        app.waitIdle(60);
        assertTrue(robot.lookup("#pairsEmpty").query().isVisible(), "the Data view says nothing is loaded");
        assertFalse(robot.lookup("#pairsTable").query().isVisible());
        Label device = robot.lookup("#deviceLabel").queryAs(Label.class);
        assertTrue(device.getText().startsWith("CPU") || device.getText().startsWith("GPU"), device.getText());
        assertTrue(robot.lookup("#enginesLabel").queryAs(Label.class).getText().contains("PyTorch"));
        assertEquals("Ready", robot.lookup("#statusTask").queryAs(Label.class).getText());
        robot.clickOn("Search");
        assertTrue(robot.lookup("#searchEmpty").query().isVisible(), "Search says what to load");
    }

    @Test
    void loadsAPairsFileIntoThePreview(FxRobot robot) throws Exception {
        Path file = resource("pairs-small.csv");
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(file));
        app.waitIdle(30);
        TableView<PairRow> table = robot.lookup("#pairsTable").queryTableView();
        assertEquals(24, table.getItems().size());
        assertEquals("A man is playing a guitar on the stage.", table.getItems().get(0).pair().sentence1());
        assertTrue(table.isVisible());
        assertFalse(robot.lookup("#pairsEmpty").query().isVisible());
        String summary = robot.lookup("#pairsSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("pairs-small: 24 pairs"), summary);
        assertEquals(file.toAbsolutePath().normalize(), app.ui().prefs().recentFiles().get(0), "remembered as a recent file");
    }

    @Test
    void aBadFileShowsFileAndLineAndKeepsThePreviousPairs(FxRobot robot) throws Exception {
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(resource("pairs-small.csv")));
        app.waitIdle(30);
        PairDataset before = app.workspace().pairs();

        Path bad = resource("pairs-bad.csv");
        WorkbenchFixture.fx(() -> app.ui().actions().openPairs(bad));
        app.waitIdle(30);

        Node banner = robot.lookup("#errorBanner").query();
        assertTrue(banner.isVisible(), "the error bar is shown");
        String message = robot.lookup("#errorMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("pairs-bad.csv:3"), "names file and line: " + message);
        assertTrue(robot.lookup("#errorTitle").queryAs(Label.class).getText().contains("failed"));
        assertTrue(before == app.workspace().pairs(), "the loaded pairs are kept");
        assertEquals(24, robot.lookup("#pairsTable").queryTableView().getItems().size());

        robot.clickOn("#errorDetailsToggle");
        TextArea details = robot.lookup("#errorDetails").queryAs(TextArea.class);
        assertTrue(details.isVisible());
        assertTrue(details.getText().contains("DataFormatException"), "details hold the stack trace");
        robot.clickOn("#errorDismiss");
        assertFalse(banner.isVisible());
        assertNull(app.ui().problems().current());
        assertTrue(app.workspace().history().get(app.workspace().history().size() - 1).outcome().startsWith("failed"));
    }

    @Test
    void comparingWithoutPairsSaysWhatIsMissing(FxRobot robot) throws Exception {
        app.waitIdle(60);
        robot.clickOn("Pairs");
        assertTrue(robot.lookup("#comparisonEmpty").query().isVisible());
        WorkbenchFixture.fx(() -> app.ui().actions().comparePairs());
        assertNotNull(app.ui().problems().current());
        assertTrue(app.ui().problems().current().message().contains("load a file of labeled pairs"));
    }
}

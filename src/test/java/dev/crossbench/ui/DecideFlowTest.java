package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.app.decide.DecisionFormat;
import dev.crossbench.app.decide.Recommender;
import dev.crossbench.model.BundledModel;
import dev.crossbench.ui.actions.RetrievalActions;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.charts.ChartImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Decide view on the bundled SQuAD sample with all-MiniLM-L6-v2 and the bundled reranker: a few questions,
 * one rerank depth and the cross-encoder alone on one question, so it stays short. Checks what the view shows
 * (table, recommendation per budget, chart), a bad budget in the error bar, and the HTML report's Decide section.
 */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class DecideFlowTest {
    private static final Path SQUAD = Path.of("sample-data", "squad");
    private static final String MODEL = "all-MiniLM-L6-v2";
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
    void decidesOnTheSampleAndShowsItsEvidence(FxRobot robot, @TempDir Path tmp) throws Exception {
        assumeTrue(BundledModel.RERANKER.isAvailable(), "the bundled reranker is not on the classpath (assets/models)");
        String reranker = BundledModel.RERANKER.displayName();
        RetrievalActions r = app.ui().actions().retrieval();
        WorkbenchFixture.fx(() -> {
            app.ui().actions().addModel(MODEL);
            r.openCorpus(SQUAD.resolve("corpus.jsonl"));
            r.openQueries(SQUAD.resolve("queries.jsonl"));
            r.openQrels(SQUAD.resolve("qrels.tsv"));
            r.reranker().choose(reranker);
            app.ui().navigation().show(View.DECIDE);
        });
        app.waitIdle(600);

        WorkbenchFixture.fx(() -> app.ui().actions().decide().settings().budgetsProperty().set("50 ms, fast"));
        robot.clickOn("#decideButton");
        app.waitIdle(60);
        assertEquals("latency budget 'fast' is not a duration: write e.g. 50ms, 500ms or 5s",
                robot.lookup("#errorMessage").queryAs(Label.class).getText());
        assertNull(app.workspace().decision());

        WorkbenchFixture.fx(() -> {
            var s = app.ui().actions().decide().settings();
            s.budgetsProperty().set("1 µs, 1 h");
            s.corpusSizeProperty().set("1e6");
            s.queriesSampleProperty().set(6);
            s.depthsProperty().set("5");
            s.crossAloneQueriesProperty().set(1);
            s.crossAloneSecondsProperty().set(3600); // measured, not extrapolated, however busy the machine
            app.ui().problems().dismiss();
        });
        robot.clickOn("#decideButton");
        app.waitIdle(3600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        Decision d = app.workspace().decision();
        assertNotNull(d, () -> "a decision; history " + app.workspace().history());

        @SuppressWarnings("unchecked")
        TableView<List<String>> table = robot.lookup("#decideTable").queryAs(TableView.class);
        List<String> names = table.getItems().stream().map(row -> row.get(0)).toList();
        assertEquals(List.of(MODEL + " (exact)", MODEL + " (HNSW)", MODEL + " (HNSW) + " + reranker + " K=5", reranker + " alone"), names);
        assertEquals("6", table.getItems().get(0).get(2), "queries measured");
        assertEquals("1", table.getItems().get(3).get(2), "the cross-encoder alone on one question");
        assertEquals(DecisionFormat.points(d.configurations().get(0).quality().ndcg10()), table.getItems().get(0).get(3));
        assertTrue(table.getItems().get(0).get(9).endsWith("*"), "latency at 1,000,000 documents is marked extrapolated");

        VBox recommendations = robot.lookup("#recommendationBox").queryAs(VBox.class);
        assertEquals(2, recommendations.getChildren().size(), "one line per budget");
        String tiny = ((Label) recommendations.getChildren().get(0)).getText();
        assertTrue(tiny.startsWith("1 µs: nothing measured fits in 1 µs per query (p95) at 1,000,000 documents; the fastest is " + MODEL),
                tiny);
        // An hour fits everything measured on all 6 questions: the recommendation is the best of those, unless its gain
        // over the fastest is within the noise of 6 questions; then the fastest.
        Configuration top = Recommender.comparable(d.configurations()).stream()
                .max(Comparator.comparingDouble((Configuration c) -> c.quality().ndcg10())
                        .thenComparing(Comparator.comparingDouble((Configuration c) -> c.atTarget().p95Millis()).reversed()))
                .orElseThrow();
        Configuration fastest = Recommender.comparable(d.configurations()).stream()
                .min(Comparator.comparingDouble((Configuration c) -> c.atTarget().p95Millis())).orElseThrow();
        boolean measurable = top == fastest || !Recommender.notMeasurablyBetter(top, fastest);
        Configuration best = d.configuration(d.recommendations().get(1).best()).orElseThrow();
        if (measurable) {
            assertEquals(top.name(), best.name());
        }
        String hour = ((Label) recommendations.getChildren().get(1)).getText();
        assertTrue(hour.startsWith("1 h: " + best.name() + ": nDCG@10 " + DecisionFormat.points(best.quality().ndcg10())), hour);
        assertEquals("yes", table.getItems().get(names.indexOf(fastest.name())).get(10), "the fastest is on the Pareto front");
        assertTrue(robot.lookup("#costsLabel").queryAs(Label.class).getText().contains("encoding 1,000,000 documents takes"));

        StackPane chart = robot.lookup("#decideChartHolder").queryAs(StackPane.class);
        ChartImage image = (ChartImage) chart.getChildren().get(0);
        app.waitFor(600, () -> image.rendersProperty().get() > 0);
        assertEquals("Quality vs latency at 1,000,000 documents", image.chart().getTitle().getText());

        Path report = tmp.resolve("report.html");
        WorkbenchFixture.fx(() -> app.ui().actions().exportReport(report));
        app.waitIdle(600);
        String html = Files.readString(report);
        assertTrue(html.contains("<h2>Decide: bi-encoder, two-stage or cross-encoder</h2>"), "the report has the Decide section");
        assertTrue(html.contains("<img alt=\"decide-quality-vs-latency\""), "with its chart");
        assertTrue(html.contains(DecisionFormat.points(best.quality().ndcg10())));
    }
}

package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.app.TrainingService;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.Query;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.ui.actions.RetrievalActions;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.search.HitRow;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The retrieval side of the workbench on the bundled sample (420 documents, 48 queries, 237
 * judgements): loading it in the Data view, a bad qrels file, a search with all-MiniLM-L6-v2 and a
 * retrieval evaluation whose nDCG@10 is the service's.
 */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class RetrievalFlowTest {
    private static final Path SAMPLE = Path.of("sample-data");
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

    private void loadSample() throws Exception {
        RetrievalActions r = app.ui().actions().retrieval();
        WorkbenchFixture.fx(() -> {
            r.openCorpus(SAMPLE.resolve("corpus.jsonl"));
            r.openQueries(SAMPLE.resolve("queries.jsonl"));
            r.openQrels(SAMPLE.resolve("qrels.tsv"));
        });
        app.waitIdle(60);
    }

    @Test
    void loadsTheSampleCorpusQueriesAndQrelsIntoTheDataView(FxRobot robot) throws Exception {
        loadSample();
        assertNull(app.ui().problems().current());
        assertEquals(420, robot.lookup("#corpusTable").queryTableView().getItems().size());
        assertEquals(48, robot.lookup("#queriesTable").queryTableView().getItems().size());
        assertEquals(237, robot.lookup("#qrelsTable").queryTableView().getItems().size());
        assertEquals("Corpus corpus.jsonl: 420 documents", robot.lookup("#corpusSummary").queryAs(Label.class).getText());
        assertEquals("Queries queries.jsonl: 48", robot.lookup("#queriesSummary").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#qrelsSummary").queryAs(Label.class).getText().startsWith("Qrels qrels.tsv: 237 judgements"));
        VBox warnings = robot.lookup("#retrievalWarnings").queryAs(VBox.class);
        String checked = ((Label) warnings.getChildren().get(0)).getText();
        assertTrue(checked.contains("48 of 48 queries have judgements"), checked);
        assertTrue(app.workspace().retrievalCheck().isUsable());
    }

    @Test
    void aMalformedQrelsFileShowsFileAndLineAndKeepsThePreviousQrels(FxRobot robot) throws Exception {
        loadSample();
        Qrels before = app.workspace().qrels();
        WorkbenchFixture.fx(() -> app.ui().actions().retrieval().openQrels(WorkbenchFlowTest.resource("qrels-bad.tsv")));
        app.waitIdle(30);
        assertTrue(robot.lookup("#errorBanner").query().isVisible(), "the error bar is shown");
        String message = robot.lookup("#errorMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("qrels-bad.tsv:4"), "names file and line: " + message);
        assertTrue(message.contains("'high' is not an integer"), message);
        assertSame(before, app.workspace().qrels(), "the loaded qrels are kept");
        assertEquals(237, robot.lookup("#qrelsTable").queryTableView().getItems().size());
        assertTrue(app.workspace().retrievalCheck().isUsable(), "and so is their check");
    }

    @Test
    void aDroppedFileIsOpenedAsWhatItHolds() throws Exception {
        WorkbenchFixture.fx(() -> {
            app.ui().actions().retrieval().openDropped(SAMPLE.resolve("qrels.tsv"));
            app.ui().actions().retrieval().openDropped(SAMPLE.resolve("pairs-test.csv"));
        });
        app.waitIdle(60);
        assertNotNull(app.workspace().qrels());
        assertNotNull(app.workspace().pairs());
        assertNull(app.workspace().corpus());
    }

    @Test
    void searchShowsTheTopKWithTheJudgedRelevantHitFirst(FxRobot robot) throws Exception {
        WorkbenchFixture.fx(() -> app.ui().actions().addModel(MODEL));
        loadSample();
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.SEARCH));
        Query q01 = app.workspace().queries().queries().get(0);
        assertEquals("why should meat rest after cooking", q01.text());
        @SuppressWarnings("unchecked")
        ComboBox<Query> picker = robot.lookup("#queryPicker").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> k = robot.lookup("#searchKSpinner").queryAs(Spinner.class);
        WorkbenchFixture.fx(() -> {
            picker.setValue(q01);
            k.getValueFactory().setValue(10);
        });
        robot.clickOn("#searchButton");
        app.waitIdle(3600);

        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        TableView<HitRow> hits = robot.lookup("#biHitsTable").queryTableView();
        assertNotNull(app.workspace().search(), () -> "a search result; history " + app.workspace().history());
        assertEquals(10, app.workspace().search().result().firstStage().size(), "K hits");
        assertEquals(10, hits.getItems().size(), "K rows");
        HitRow top = hits.getItems().get(0);
        Integer grade = app.workspace().qrels().judgements("q01").get(top.document().id());
        assertTrue(grade != null && grade >= 1, "the top hit " + top.document().id() + " is judged relevant for q01");
        assertEquals("✓ " + grade, top.judged());
        assertTrue(robot.lookup("#latencyLabel").queryAs(Label.class).getText().startsWith("query encoding "));
        assertTrue(robot.lookup("#indexStatus").queryAs(Label.class).getText().contains("420 documents"));
        assertTrue(robot.lookup("#rerankedTable").queryTableView().getItems().isEmpty(), "no cross-encoder chosen");
    }

    @Test
    void retrievalEvaluationShowsTheServicesNdcg(FxRobot robot) throws Exception {
        WorkbenchFixture.fx(() -> app.ui().actions().addModel(MODEL));
        loadSample();
        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.RETRIEVAL));
        robot.clickOn("#evaluateButton");
        app.waitIdle(3600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());

        TableView<?> metrics = robot.lookup("#metricsTable").queryTableView();
        assertEquals(1, metrics.getItems().size(), () -> "the bi-encoder alone; history " + app.workspace().history());
        TableColumn<?, ?> ndcg = metrics.getColumns().stream().filter(c -> "metric-nDCG@10".equals(c.getId())).findFirst().orElseThrow();
        String shown = (String) ndcg.getCellData(0);

        ModelSpec spec = app.workspace().models().get(0).spec();
        RetrievalData data = RetrievalData.read(SAMPLE.resolve("corpus.jsonl"), SAMPLE.resolve("queries.jsonl"),
                SAMPLE.resolve("qrels.tsv"));
        RetrievalSettings d = RetrievalSettings.DEFAULTS;
        RetrievalSettings settings = new RetrievalSettings(d.format(), d.index(), 100, List.of(), d.ignoreIdenticalIds(),
                RetrievalComparison.metricsFor(100));
        RetrievalEvaluation direct;
        try (BiEncoder bi = ModelService.standard().openBiEncoder(spec.descriptor(), spec.engine(), spec.options())) {
            direct = RetrievalEvaluationService.standard().evaluate(data, bi, null, settings, TaskProgress.NONE, () -> false);
        }
        String expected = String.format(Locale.ROOT, "%.4f", direct.firstStage().mean(RetrievalComparison.NDCG_10));
        assertEquals(expected, shown, "nDCG@10 in the table equals the service's");
        assertEquals(48, robot.lookup("#perQueryTable").queryTableView().getItems().size(), "one row per judged query");
    }

    /**
     * Reranking end to end with a real cross-encoder: a tiny one is trained here (48 sample pairs,
     * one epoch, 32 tokens), chosen in the Models view, offered to Search and Retrieval, and used.
     * Its quality is not the point; the wiring is: the reranked list is a permutation of the
     * first stage with consistent rank changes, and the sweep gives one point per depth.
     */
    @Test
    void aTrainedCrossEncoderReranksTheSearchAndTheEvaluation(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path ce = tmp.resolve("tiny-ce");
        TrainingOptions o = TrainingOptions.builder().epochs(1).batchSize(8).maxSeqLength(32).build();
        new TrainingService(ModelCatalog.standard()).train(TrainingService.Kind.CROSS, MODEL,
                TrainingFlowTest.slice("pairs-train.csv", 48, tmp), TrainingFlowTest.slice("pairs-dev.csv", 16, tmp), o, null, ce,
                false, new TrainingProgressListener() { }, () -> false);
        WorkbenchFixture.fx(() -> {
            app.ui().actions().addModel(MODEL);
            app.ui().actions().addModel(ce.toString());
        });
        loadSample();
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        RetrievalActions r = app.ui().actions().retrieval();
        String ref = r.reranker().suggestions().stream().filter(x -> x.endsWith("tiny-ce")).findFirst()
                .orElseThrow(() -> new AssertionError("the chosen cross-encoder is offered: " + r.reranker().suggestions()));
        WorkbenchFixture.fx(() -> r.reranker().choose(ref));

        WorkbenchFixture.fx(() -> app.ui().navigation().show(View.SEARCH));
        @SuppressWarnings("unchecked")
        ComboBox<Query> picker = robot.lookup("#queryPicker").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> k = robot.lookup("#searchKSpinner").queryAs(Spinner.class);
        WorkbenchFixture.fx(() -> {
            picker.setValue(app.workspace().queries().queries().get(0));
            k.getValueFactory().setValue(10);
        });
        robot.clickOn("#searchButton");
        app.waitIdle(3600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        assertEquals(MODEL, app.workspace().search().request().model().name(), "the bi-encoder, not the cross-encoder, embeds");
        TableView<HitRow> first = robot.lookup("#biHitsTable").queryTableView();
        TableView<HitRow> reranked = robot.lookup("#rerankedTable").queryTableView();
        assertEquals(10, reranked.getItems().size(), "the K candidates reranked");
        java.util.Map<String, Integer> firstRank = new java.util.HashMap<>();
        for (int i = 0; i < first.getItems().size(); i++) {
            firstRank.put(first.getItems().get(i).document().id(), i + 1);
        }
        for (int i = 0; i < reranked.getItems().size(); i++) {
            HitRow row = reranked.getItems().get(i);
            Integer was = firstRank.get(row.document().id());
            assertNotNull(was, "reranked document " + row.document().id() + " comes from the first stage");
            int moved = was - (i + 1);
            assertEquals(moved > 0 ? "▲" + moved : moved < 0 ? "▼" + (-moved) : "=", row.rankChange(), "row " + (i + 1));
            if (i > 0) {
                assertTrue(reranked.getItems().get(i - 1).hit().rerankScore() >= row.hit().rerankScore(), "sorted by the cross-encoder's score");
            }
        }
        assertTrue(robot.lookup("#latencyLabel").queryAs(Label.class).getText().contains("rerank"));

        WorkbenchFixture.fx(() -> {
            app.ui().navigation().show(View.RETRIEVAL);
            r.settings().kProperty().set(20);
            r.settings().sweepProperty().set("10, 20");
        });
        robot.clickOn("#evaluateButton");
        app.waitIdle(3600);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());
        RetrievalComparison c = app.workspace().retrieval();
        assertTrue(c.isReranked());
        assertEquals(2, robot.lookup("#metricsTable").queryTableView().getItems().size(), "bi-encoder alone and two-stage");
        assertEquals(List.of(10, 20), c.evaluations().get(0).sweep().stream().map(p -> p.depth()).toList());
        assertEquals(48, robot.lookup("#perQueryTable").queryTableView().getItems().size());
    }
}

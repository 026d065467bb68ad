package dev.crossbench.ui.search;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.Query;
import dev.crossbench.data.QuerySet;
import dev.crossbench.search.SearchHit;
import dev.crossbench.search.TwoStageResult;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.settings.CrossEncoderPicker;
import dev.crossbench.ui.task.BuildSearchIndexTask;
import dev.crossbench.ui.task.SearchTask;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.SearchIndexInfo;
import dev.crossbench.ui.workspace.SearchOutcome;
import dev.crossbench.ui.workspace.SearchRequest;
import dev.crossbench.ui.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The Search view: a query against the loaded corpus, the bi-encoder's top K beside the same K
 * reranked by the chosen cross-encoder, with rank changes, judged-relevant marks (when the query
 * is a loaded one and qrels are loaded) and the time of each stage. The index is built once per
 * corpus and bi-encoder (first search or Build index) and kept for later queries.
 */
public final class SearchController {
    private static final int DEFAULT_K = 100;

    private final UiContext ui;
    private javafx.collections.transformation.FilteredList<ModelChoice> biEncoders;

    @FXML private ComboBox<Query> queryPicker;
    @FXML private TextField queryField;
    @FXML private Button searchButton;
    @FXML private ComboBox<ModelChoice> biEncoderCombo;
    @FXML private Label searchKLabel;
    @FXML private Spinner<Integer> searchKSpinner;
    @FXML private CrossEncoderPicker searchCrossPicker;
    @FXML private Button buildIndexButton;
    @FXML private TaskProgressStrip searchProgress;
    @FXML private SplitPane resultsPane;
    @FXML private Label biTitle;
    @FXML private Label rerankedTitle;
    @FXML private TableView<HitRow> biHitsTable;
    @FXML private TableView<HitRow> rerankedTable;
    @FXML private EmptyState searchEmpty;
    @FXML private Label latencyLabel;
    @FXML private Label indexStatus;

    public SearchController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        Workspace ws = ui.workspace();
        HitTables.fillBiEncoder(biHitsTable);
        HitTables.fillReranked(rerankedTable);
        searchCrossPicker.bind(ui.actions().retrieval().reranker());
        searchProgress.follow(ui.tasks(), t -> t instanceof SearchTask || t instanceof BuildSearchIndexTask);
        MetricHelp.RERANK_DEPTH.install(searchKLabel);
        MetricHelp.STAGE_LATENCY.install(latencyLabel);
        searchKSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, DEFAULT_K, 10));
        setUpQueryPicker();
        biEncoders = ws.models().filtered(m -> !m.isCross()); // cross-encoders rerank; they cannot embed
        biEncoderCombo.setItems(biEncoders);
        biEncoders.addListener((ListChangeListener<ModelChoice>) c -> keepAModelChosen());
        keepAModelChosen();

        ws.corpusProperty().addListener((o, old, c) -> corpusChanged(c));
        ws.queriesProperty().addListener((o, old, q) -> queryPicker.setItems(items(q)));
        queryPicker.setItems(items(ws.queries()));
        ws.searchProperty().addListener((o, old, s) -> showOutcome(s));
        ui.actions().retrieval().reranker().referenceProperty().addListener((o, old, r) -> rerankShownSearch());
        ws.searchIndexProperty().addListener((o, old, i) -> showIndexStatus());
        biEncoderCombo.valueProperty().addListener((o, old, m) -> {
            showIndexStatus();
            showEmptyState();
        });
        corpusChanged(ws.corpus());
    }

    private void setUpQueryPicker() {
        queryPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Query q) {
                return q == null ? "" : q.id() + ": " + Formats.clip(q.text(), 60);
            }

            @Override
            public Query fromString(String s) {
                return null;
            }
        });
        queryPicker.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Query q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : q.id() + ": " + Formats.clip(q.text(), 90));
            }
        });
        queryPicker.valueProperty().addListener((o, old, q) -> {
            if (q != null) {
                queryField.setText(q.text());
            }
        });
    }

    private static javafx.collections.ObservableList<Query> items(QuerySet q) {
        return q == null ? FXCollections.observableArrayList() : FXCollections.observableList(q.queries());
    }

    /** The first ticked model when none is chosen, or the chosen one was removed. */
    private void keepAModelChosen() {
        ModelChoice m = biEncoderCombo.getValue();
        if (m == null || !biEncoders.contains(m)) {
            biEncoderCombo.setValue(biEncoders.stream().filter(ModelChoice::isSelected).findFirst()
                    .orElse(biEncoders.isEmpty() ? null : biEncoders.get(0)));
        }
        showEmptyState();
    }

    /** K is at most the corpus size (and 1000), at least 10 unless the corpus is smaller. */
    private void corpusChanged(Corpus c) {
        int max = c == null ? 1000 : Math.min(1000, c.size());
        int min = Math.min(10, max);
        searchKSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.min(DEFAULT_K, max), 10));
        showOutcome(ui.workspace().search());
        showIndexStatus();
    }

    private boolean outcomeIsCurrent(SearchOutcome s) {
        return s != null && s.request().corpus() == ui.workspace().corpus();
    }

    private void showEmptyState() {
        Corpus c = ui.workspace().corpus();
        ModelChoice m = biEncoderCombo.getValue();
        boolean results = outcomeIsCurrent(ui.workspace().search());
        searchEmpty.setVisible(!results);
        resultsPane.setVisible(results);
        if (results) {
            return;
        }
        if (c == null && m == null) {
            searchEmpty.setTitle("Load a corpus and choose a bi-encoder");
            searchEmpty.setMessage("Open a corpus in the Data view (File > Open corpus…, or drop corpus.jsonl on the window) "
                    + "and choose a bi-encoder in the Models view; then type a query.");
        } else if (c == null) {
            searchEmpty.setTitle("No corpus loaded");
            searchEmpty.setMessage("Open a corpus in the Data view (File > Open corpus…, or drop corpus.jsonl on the window): "
                    + "BEIR corpus.jsonl, CSV/TSV with id and text columns, or one document per line.");
        } else if (m == null) {
            searchEmpty.setTitle("No bi-encoder chosen");
            searchEmpty.setMessage("Choose a bi-encoder in the Models view: it finds the top K documents, which a "
                    + "cross-encoder can then rerank.");
        } else {
            searchEmpty.setTitle("Type a query");
            searchEmpty.setMessage(String.format(Locale.ROOT, "The first search encodes the corpus (%,d documents) with %s, "
                    + "or reads it from the embedding cache, and keeps the index for the next queries; Build index does "
                    + "that now. Pick a loaded query to see which hits are judged relevant.", c.size(), m.name()));
        }
    }

    private void showIndexStatus() {
        SearchIndexInfo info = ui.workspace().searchIndexProperty().get();
        Corpus c = ui.workspace().corpus();
        ModelChoice m = biEncoderCombo.getValue();
        if (info != null && m != null && info.isFor(c, m.spec())) {
            indexStatus.setText(info.description());
        } else {
            indexStatus.setText(c == null || m == null ? "" : "index not built yet for " + m.name());
        }
    }

    private void showOutcome(SearchOutcome s) {
        showEmptyState();
        if (!outcomeIsCurrent(s)) {
            biHitsTable.getItems().clear();
            rerankedTable.getItems().clear();
            latencyLabel.setText("");
            return;
        }
        TwoStageResult r = s.result();
        Corpus corpus = s.request().corpus();
        biHitsTable.setItems(FXCollections.observableList(rows(r.firstStage(), corpus, s.request().judgements())));
        rerankedTable.setItems(FXCollections.observableList(rows(r.reranked(), corpus, s.request().judgements())));
        biTitle.setText(s.request().model().name() + ": top " + r.firstStage().size());
        rerankedTitle.setText(r.isReranked() ? "Reranked by " + s.request().crossEncoder() : "Reranked (no cross-encoder chosen)");
        latencyLabel.setText(latency(s));
    }

    private static List<HitRow> rows(List<SearchHit> hits, Corpus corpus, Map<String, Integer> judgements) {
        List<HitRow> rows = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            rows.add(new HitRow(h, corpus.get(h.row()), judgements.get(h.docId())));
        }
        return rows;
    }

    private static String latency(SearchOutcome s) {
        TwoStageResult r = s.result();
        String text = "query encoding " + Formats.millis(r.encodeNanos() / 1e6) + " ms · search "
                + Formats.millis(r.searchNanos() / 1e6) + " ms";
        if (r.isReranked()) {
            text += " · rerank of " + r.firstStage().size() + " candidates " + Formats.millis(r.rerankNanos() / 1e6) + " ms";
        }
        text += " · total " + Formats.millis(r.totalNanos() / 1e6) + " ms";
        return s.request().queryId() == null ? text : text + "   (query " + s.request().queryId() + ")";
    }

    /** The loaded query this text is (picked, or typed the same), for its judgements; null for a new query. */
    private Query loadedQuery(String text) {
        Query picked = queryPicker.getValue();
        if (picked != null && picked.text().strip().equals(text)) {
            return picked;
        }
        QuerySet q = ui.workspace().queries();
        return q == null ? null : q.queries().stream().filter(x -> x.text().strip().equalsIgnoreCase(text)).findFirst().orElse(null);
    }

    @FXML
    private void search() {
        Corpus corpus = ui.workspace().corpus();
        ModelChoice m = biEncoderCombo.getValue();
        if (corpus == null || m == null) {
            ui.problems().report("Cannot search", corpus == null ? "load a corpus first (Data view, or File > Open corpus…)"
                    : "choose a bi-encoder in the Models view");
            return;
        }
        String text = queryField.getText() == null ? "" : queryField.getText().strip();
        Query loaded = loadedQuery(text);
        Qrels qrels = ui.workspace().qrels();
        Map<String, Integer> judgements = loaded == null || qrels == null ? Map.of() : qrels.judgements(loaded.id());
        ui.actions().retrieval().search(new SearchRequest(text, loaded == null ? null : loaded.id(), judgements,
                searchKSpinner.getValue(), corpus, m.spec(), ui.actions().retrieval().reranker().reference()));
    }

    /**
     * A new reranker choice applies to the results on screen: the shown search runs again with it (the index is
     * kept, so only the query and the rerank cost time), instead of leaving a header that names the old one.
     */
    private void rerankShownSearch() {
        SearchOutcome s = ui.workspace().search();
        String reranker = ui.actions().retrieval().reranker().reference();
        if (!outcomeIsCurrent(s) || java.util.Objects.equals(reranker, s.request().crossEncoder())) {
            return;
        }
        SearchRequest r = s.request();
        ui.actions().retrieval().search(new SearchRequest(r.query(), r.queryId(), r.judgements(), r.k(), r.corpus(), r.model(),
                reranker));
    }

    @FXML
    private void buildIndex() {
        ModelChoice m = biEncoderCombo.getValue();
        ui.actions().retrieval().buildSearchIndex(m == null ? null : m.spec());
    }
}

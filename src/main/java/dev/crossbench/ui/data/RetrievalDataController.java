package dev.crossbench.ui.data;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Document;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.Query;
import dev.crossbench.data.QuerySet;
import dev.crossbench.ui.actions.FileChoosers;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.RetrievalCheck;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The retrieval test collection in the Data view: corpus, queries and qrels, each with its count
 * and a preview table, and what the check of the three together found (unknown ids and the like).
 */
public final class RetrievalDataController {
    /** One judgement as a table row. */
    public record QrelRow(String queryId, String documentId, int grade) {}

    private static final int TEXT_PREVIEW_CHARS = 300;

    private final UiContext ui;

    @FXML private Label corpusSummary;
    @FXML private TableView<Document> corpusTable;
    @FXML private EmptyState corpusEmpty;
    @FXML private Label queriesSummary;
    @FXML private TableView<Query> queriesTable;
    @FXML private EmptyState queriesEmpty;
    @FXML private Label qrelsSummary;
    @FXML private TableView<QrelRow> qrelsTable;
    @FXML private EmptyState qrelsEmpty;
    @FXML private VBox retrievalWarnings;

    public RetrievalDataController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        corpusTable.getColumns().add(column("id", Document::id, 90));
        corpusTable.getColumns().add(column("title", Document::title, 170));
        corpusTable.getColumns().add(column("text", d -> preview(d.text()), 420));
        queriesTable.getColumns().add(column("id", Query::id, 80));
        queriesTable.getColumns().add(column("text", q -> preview(q.text()), 280));
        queriesTable.getColumns().add(column("judged", q -> judged(q.id()), 60));
        qrelsTable.getColumns().add(column("query", QrelRow::queryId, 90));
        qrelsTable.getColumns().add(column("document", QrelRow::documentId, 110));
        qrelsTable.getColumns().add(column("grade", r -> Integer.toString(r.grade()), 60));
        for (TableView<?> t : List.of(corpusTable, queriesTable, qrelsTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        Workspace ws = ui.workspace();
        ws.corpusProperty().addListener((o, old, c) -> showCorpus(c));
        ws.queriesProperty().addListener((o, old, q) -> showQueries(q));
        ws.qrelsProperty().addListener((o, old, q) -> {
            showQrels(q);
            queriesTable.refresh(); // the judged counts
        });
        ws.retrievalCheckProperty().addListener((o, old, c) -> showCheck(c));
        showCorpus(ws.corpus());
        showQueries(ws.queries());
        showQrels(ws.qrels());
        showCheck(ws.retrievalCheck());
    }

    /** Columns are not sortable: the tables show the loaded lists themselves, not copies. */
    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** One line, clipped; only the start of a long text is looked at (cells are laid out as they scroll). */
    private static String preview(String text) {
        String head = text.length() > TEXT_PREVIEW_CHARS * 2 ? text.substring(0, TEXT_PREVIEW_CHARS * 2) : text;
        return Formats.clip(head.replaceAll("\\s+", " ").strip(), TEXT_PREVIEW_CHARS);
    }

    private String judged(String queryId) {
        Qrels q = ui.workspace().qrels();
        if (q == null) {
            return "";
        }
        Map<String, Integer> j = q.judgements(queryId);
        return j.isEmpty() ? "none" : Long.toString(j.values().stream().filter(Qrels::isRelevant).count()) + " / " + j.size();
    }

    private void showCorpus(Corpus c) {
        corpusEmpty.setVisible(c == null);
        corpusTable.setVisible(c != null);
        corpusTable.setItems(c == null ? FXCollections.observableArrayList() : FXCollections.observableList(c.documents()));
        corpusSummary.setText(c == null ? "Corpus" : String.format(Locale.ROOT, "Corpus %s: %,d documents", name(c.source()),
                c.size()));
    }

    private void showQueries(QuerySet q) {
        queriesEmpty.setVisible(q == null);
        queriesTable.setVisible(q != null);
        queriesTable.setItems(q == null ? FXCollections.observableArrayList() : FXCollections.observableList(q.queries()));
        queriesSummary.setText(q == null ? "Queries" : String.format(Locale.ROOT, "Queries %s: %,d", name(q.source()), q.size()));
    }

    private void showQrels(Qrels q) {
        qrelsEmpty.setVisible(q == null);
        qrelsTable.setVisible(q != null);
        List<QrelRow> rows = new ArrayList<>();
        if (q != null) {
            q.asMap().forEach((query, docs) -> docs.forEach((doc, grade) -> rows.add(new QrelRow(query, doc, grade))));
        }
        qrelsTable.setItems(FXCollections.observableList(rows));
        qrelsSummary.setText(q == null ? "Relevance judgements (qrels)" : String.format(Locale.ROOT,
                "Qrels %s: %,d judgements of %,d queries", name(q.source()), q.judgementCount(), q.queryIds().size()));
    }

    private void showCheck(RetrievalCheck check) {
        retrievalWarnings.getChildren().clear();
        if (check == null) {
            return;
        }
        if (!check.isUsable()) {
            retrievalWarnings.getChildren().add(line(check.error(), "warning-error"));
            return;
        }
        var r = check.report();
        retrievalWarnings.getChildren().add(line(String.format(Locale.ROOT,
                "Checked together: %,d of %,d queries have judgements (%,d judgements); these are the queries evaluated.",
                r.queriesWithJudgements(), check.queries().size(), r.judgements()), "warning-ok"));
        for (String w : check.warnings()) {
            retrievalWarnings.getChildren().add(line("⚠ " + w, "warning"));
        }
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static String name(Path source) {
        return source == null ? "" : source.getFileName().toString();
    }

    @FXML
    private void openCorpus() {
        FileChoosers.openCorpus(ui);
    }

    @FXML
    private void openQueries() {
        FileChoosers.openQueries(ui);
    }

    @FXML
    private void openQrels() {
        FileChoosers.openQrels(ui);
    }
}

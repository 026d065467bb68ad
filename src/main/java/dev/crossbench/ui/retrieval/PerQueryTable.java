package dev.crossbench.ui.retrieval;

import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.workspace.RetrievalComparison.QueryGain;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Per-query nDCG@10, alone and reranked, and the gain; numeric columns sort as numbers. */
final class PerQueryTable {
    private PerQueryTable() {}

    static void fill(TableView<QueryGain> table) {
        table.getColumns().add(text("query", QueryGain::queryId, 70));
        table.getColumns().add(text("text", q -> Formats.clip(q.text(), 160), 260));
        TableColumn<QueryGain, Double> bi = number("nDCG@10 bi", QueryGain::biNdcg, false);
        MetricHelp.NDCG.install(bi);
        TableColumn<QueryGain, Double> reranked = number("nDCG@10 reranked", QueryGain::rerankedNdcg, false);
        MetricHelp.NDCG.install(reranked);
        TableColumn<QueryGain, Double> gain = number("gain", QueryGain::gain, true);
        gain.setId("gainColumn");
        MetricHelp.RERANK_GAIN.install(gain);
        table.getColumns().add(bi);
        table.getColumns().add(reranked);
        table.getColumns().add(gain);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Largest gain first with a reranker; without one, the bi-encoder's weakest queries first. */
    static void sortByGain(TableView<QueryGain> table, boolean reranked) {
        TableColumn<QueryGain, ?> by = table.getColumns().get(reranked ? 4 : 2);
        by.setSortType(reranked ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(by);
        table.sort();
    }

    private static TableColumn<QueryGain, String> text(String title, Function<QueryGain, String> v, double width) {
        TableColumn<QueryGain, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(v.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<QueryGain, Double> number(String title, Function<QueryGain, Double> v, boolean signed) {
        TableColumn<QueryGain, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(v.apply(cd.getValue())));
        c.setPrefWidth(signed ? 70 : 110);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("gain-up", "gain-down");
                if (empty || value == null || value.isNaN()) {
                    setText(empty ? null : "");
                    return;
                }
                setText(signed ? String.format(Locale.ROOT, "%+.4f", value) : Formats.correlation(value));
                if (signed && value != 0) {
                    getStyleClass().add(value > 0 ? "gain-up" : "gain-down");
                }
            }
        });
        return c;
    }
}

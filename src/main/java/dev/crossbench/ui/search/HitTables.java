package dev.crossbench.ui.search;

import dev.crossbench.ui.common.ColumnWidths;
import dev.crossbench.ui.common.Formats;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The columns of the Search view's two result tables. */
final class HitTables {
    private static final int SNIPPET_CHARS = 240;

    private HitTables() {}

    static void fillBiEncoder(TableView<HitRow> table) {
        table.getColumns().add(column("rank", r -> Integer.toString(r.hit().firstStageRank()), 48));
        table.getColumns().add(column("cosine", r -> Formats.correlation(r.hit().biScore()), 70));
        addDocumentColumns(table);
    }

    static void fillReranked(TableView<HitRow> table) {
        table.getColumns().add(column("rank", r -> Integer.toString(r.hit().rank()), 48));
        TableColumn<HitRow, String> change = column("change", HitRow::rankChange, 62);
        change.setCellFactory(c -> new RankChangeCell());
        table.getColumns().add(change);
        table.getColumns().add(column("cross", r -> Formats.correlation(r.hit().rerankScore()), 70));
        addDocumentColumns(table);
    }

    private static void addDocumentColumns(TableView<HitRow> table) {
        TableColumn<HitRow, String> id = column("doc id", r -> r.document().id(), 80);
        // Sized to the ids shown ("Steam_engine#12", SciFact's numbers), so they are not cut to "Steam_en...".
        table.itemsProperty().addListener((o, old, rows) -> fitIds(id, rows));
        table.getColumns().add(id);
        table.getColumns().add(column("judged", HitRow::judged, 60));
        table.getColumns().add(column("title / text", HitTables::snippet, 360));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static void fitIds(TableColumn<HitRow, String> id, java.util.List<HitRow> rows) {
        if (rows != null && !rows.isEmpty()) {
            ColumnWidths.fit(id, "doc id", rows.stream().map(r -> r.document().id()).toList(), 60, 200);
        }
    }

    private static String snippet(HitRow r) {
        String title = r.document().title();
        String text = r.document().text();
        String head = title.isEmpty() ? text : title + " — " + text;
        return Formats.clip(head.substring(0, Math.min(head.length(), SNIPPET_CHARS * 2)).replaceAll("\\s+", " "), SNIPPET_CHARS);
    }

    private static TableColumn<HitRow, String> column(String title, Function<HitRow, String> value, double width) {
        TableColumn<HitRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        // The short columns keep their width; the text column (the resize policy's flexible last one) gives way.
        c.setMinWidth(Math.min(width, 96));
        c.setSortable(false);
        return c;
    }

    /** Green up-arrows, red down-arrows. */
    private static final class RankChangeCell extends TableCell<HitRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("rank-up", "rank-down");
            setText(empty ? null : item);
            if (!empty && item != null) {
                if (item.startsWith("▲")) {
                    getStyleClass().add("rank-up");
                } else if (item.startsWith("▼")) {
                    getStyleClass().add("rank-down");
                }
            }
        }
    }
}

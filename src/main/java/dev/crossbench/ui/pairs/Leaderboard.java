package dev.crossbench.ui.pairs;

import dev.crossbench.report.Palette;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The comparison's models ranked by Spearman on the loaded pairs, x100 as leaderboards print it (STS-B: 82.03), with
 * the 95% bootstrap interval, Pearson, and what each model cost (texts encoded or pairs scored per second): the
 * numbers a reader compares, in one place above the charts.
 */
final class Leaderboard {
    static final double ROW_HEIGHT = 26;
    /** Height of a table's horizontal scroll bar in the workbench theme, in pixels. */
    private static final double HORIZONTAL_SCROLL_BAR = 16;

    private Leaderboard() {}

    /** One row: the model's position in the comparison (its colour) and its result. */
    record Entry(int colour, ModelPairResult result) {}

    static List<Entry> ranked(PairComparison c) {
        List<Entry> rows = new ArrayList<>();
        for (int i = 0; i < c.models().size(); i++) {
            rows.add(new Entry(i, c.models().get(i)));
        }
        rows.sort(Comparator.comparingDouble((Entry e) -> Double.isNaN(e.result().spearman()) ? Double.NEGATIVE_INFINITY
                : e.result().spearman()).reversed());
        return rows;
    }

    static String x100(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    static String intervalX100(ModelPairResult r) {
        var ci = r.intervals().spearman();
        return Double.isNaN(ci.low()) ? "n/a" : String.format(Locale.ROOT, "%.1f – %.1f", 100 * ci.low(), 100 * ci.high());
    }

    static String speed(ModelPairResult r) {
        return Formats.rate(r.result().sentencesPerSecond()) + " " + r.unitsScored() + "/s";
    }

    static void show(TableView<Entry> table, PairComparison c) {
        table.getColumns().clear();
        if (c == null) {
            table.getItems().clear();
            return;
        }
        List<Entry> rows = ranked(c);
        TableColumn<Entry, String> rank = column("#", e -> Integer.toString(rows.indexOf(e) + 1), 36);
        TableColumn<Entry, String> model = column("model", e -> e.result().name(), 260);
        model.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                Entry e = empty ? null : getTableRow().getItem();
                setText(e == null ? null : name);
                setStyle(e == null ? "" : "-fx-text-fill: " + Palette.css(Palette.model(e.colour())) + "; -fx-font-weight: bold;");
            }
        });
        TableColumn<Entry, String> spearman = column("Spearman ×100", e -> x100(e.result().spearman()), 140);
        MetricHelp.SPEARMAN.install(spearman);
        TableColumn<Entry, String> interval = column("95% interval", e -> intervalX100(e.result()), 110);
        MetricHelp.CONFIDENCE_INTERVAL.install(interval);
        TableColumn<Entry, String> pearson = column("Pearson ×100", e -> x100(e.result().pearson()), 130);
        MetricHelp.PEARSON.install(pearson);
        table.getColumns().add(rank);
        table.getColumns().add(model);
        table.getColumns().add(column("kind", e -> e.result().kind().label(), 110));
        table.getColumns().add(spearman);
        table.getColumns().add(interval);
        table.getColumns().add(pearson);
        table.getColumns().add(column("speed", e -> speed(e.result()), 150));
        table.getColumns().add(column("engine", e -> e.result().result().engine(), 420));
        table.setItems(FXCollections.observableArrayList(rows));
        table.setFixedCellSize(ROW_HEIGHT);
        // Header plus every row, no empty filler rows and no vertical scroll bar for the usual two to five models; the
        // engine column overflows narrow windows, so room for the horizontal scroll bar too (it covered the last row).
        double height = ROW_HEIGHT * (rows.size() + 1.3) + HORIZONTAL_SCROLL_BAR;
        table.setPrefHeight(height);
        table.setMinHeight(height);
        table.setMaxHeight(height);
        Label empty = new Label("");
        table.setPlaceholder(empty);
    }

    private static TableColumn<Entry, String> column(String title, Function<Entry, String> value, double width) {
        TableColumn<Entry, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}

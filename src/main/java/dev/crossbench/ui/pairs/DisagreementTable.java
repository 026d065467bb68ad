package dev.crossbench.ui.pairs;

import dev.crossbench.report.Palette;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.workspace.DisagreementRow;
import dev.crossbench.ui.workspace.PairComparison;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Columns of the disagreement table for the models of a comparison: pair number, gold, one
 * column per model, the gaps, and both texts. Rows start sorted by gap vs gold; every column sorts.
 */
final class DisagreementTable {
    private DisagreementTable() {}

    static void show(TableView<DisagreementRow> table, PairComparison c) {
        table.getColumns().clear();
        if (c == null) {
            table.getItems().clear();
            return;
        }
        table.getColumns().add(number("#", DisagreementRow::number, 52));
        table.getColumns().add(text("gold", r -> Formats.score(r.pair().score()), true, 60));
        for (int m = 0; m < c.models().size(); m++) {
            int model = m;
            TableColumn<DisagreementRow, String> col = text(c.models().get(m).name(), r -> Formats.score(r.predicted(model)),
                    true, 140);
            Label header = new Label(c.models().get(m).name());
            header.setStyle("-fx-text-fill: " + Palette.css(Palette.model(m)) + "; -fx-font-weight: bold;");
            col.setText(null);
            col.setGraphic(header);
            table.getColumns().add(col);
        }
        TableColumn<DisagreementRow, String> goldGap = text("gap vs gold", r -> Formats.gap(r.goldGap()), true, 92);
        MetricHelp.GOLD_GAP.install(goldGap);
        table.getColumns().add(goldGap);
        if (c.models().size() > 1) {
            TableColumn<DisagreementRow, String> modelGap = text("gap between models", r -> Formats.gap(r.modelGap()),
                    true, 150);
            MetricHelp.MODEL_GAP.install(modelGap);
            table.getColumns().add(modelGap);
        }
        table.getColumns().add(text("sentence 1", r -> r.pair().sentence1(), false, 300));
        table.getColumns().add(text("sentence 2", r -> r.pair().sentence2(), false, 300));
        table.setItems(FXCollections.observableArrayList(c.disagreements()));
    }

    private static TableColumn<DisagreementRow, Integer> number(String title, Function<DisagreementRow, Integer> value, double width) {
        TableColumn<DisagreementRow, Integer> col = new TableColumn<>(title);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    /** A text column; a numeric one sorts by the number its text shows. */
    private static TableColumn<DisagreementRow, String> text(String title, Function<DisagreementRow, String> value,
            boolean numeric, double width) {
        TableColumn<DisagreementRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        col.setPrefWidth(width);
        if (numeric) {
            col.setComparator(Comparator.comparingDouble(Double::parseDouble));
        }
        return col;
    }
}

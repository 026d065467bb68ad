package dev.crossbench.ui.data;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.Histogram;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.actions.FileChoosers;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.HistogramCharts;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.ModelPairResult;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

/** The loaded labeled pairs: a preview table, counts, and the distribution of the gold scores. */
public final class DataController {
    /** A table row: the pair and its 1-based number in the file. */
    public record PairRow(int number, LabeledPair pair) {}

    private final UiContext ui;

    @FXML private TableView<PairRow> pairsTable;
    @FXML private TableColumn<PairRow, Integer> numberColumn;
    @FXML private TableColumn<PairRow, String> sentence1Column;
    @FXML private TableColumn<PairRow, String> sentence2Column;
    @FXML private TableColumn<PairRow, String> scoreColumn;
    @FXML private EmptyState pairsEmpty;
    @FXML private Label pairsSummary;
    @FXML private StackPane goldHistogramHolder;

    public DataController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        numberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        sentence1Column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pair().sentence1()));
        sentence2Column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pair().sentence2()));
        scoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.score(c.getValue().pair().score())));
        pairsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        show(ui.workspace().pairs());
        ui.workspace().pairsProperty().addListener((o, old, data) -> show(data));
    }

    private void show(PairDataset data) {
        pairsEmpty.setVisible(data == null);
        pairsTable.setVisible(data != null);
        goldHistogramHolder.getChildren().clear();
        if (data == null) {
            pairsTable.getItems().clear();
            pairsSummary.setText("");
            return;
        }
        List<PairRow> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(new PairRow(i + 1, data.get(i)));
        }
        pairsTable.setItems(FXCollections.observableList(rows));
        pairsSummary.setText(data.name() + ": " + data.size() + " pairs · " + data.uniqueSentences().size()
                + " unique sentences · gold " + Formats.score(data.minScore()) + " to " + Formats.score(data.maxScore())
                + data.source().map(p -> " · " + p).orElse(""));
        goldHistogramHolder.getChildren().add(new ChartImage(HistogramCharts.create("Gold scores", "gold score",
                Histogram.of(data.scores(), ModelPairResult.HISTOGRAM_BINS), Palette.GOLD)));
    }

    @FXML
    private void openPairs() {
        FileChoosers.openPairs(ui);
    }
}

package dev.crossbench.ui.pairs;

import dev.crossbench.data.PairDataset;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.task.ComparePairsTask;
import dev.crossbench.ui.task.TaskProgressStrip;
import dev.crossbench.ui.workspace.DisagreementRow;
import dev.crossbench.ui.workspace.PairComparison;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The scatter plots: one card per model side by side, the selected pair's texts and scores, and
 * the pairs the models disagree on most. Selecting a pair anywhere (dot or row) selects it
 * everywhere, through the workspace's selected pair.
 */
public final class PairsController {
    private final UiContext ui;
    private final List<ModelCard> cardList = new ArrayList<>();
    private PointDetails details;

    @FXML private Button compareButton;
    @FXML private Label pairsInfo;
    @FXML private Label resultInfo;
    @FXML private SplitPane resultsPane;
    @FXML private GridPane cards;
    @FXML private ScrollPane cardsScroll;
    @FXML private TableView<Leaderboard.Entry> leaderboard;
    @FXML private EmptyState comparisonEmpty;
    @FXML private TaskProgressStrip compareProgress;
    @FXML private VBox pointDetails;
    @FXML private Label pointHeader;
    @FXML private Label pointText1;
    @FXML private Label pointText2;
    @FXML private GridPane pointScores;
    @FXML private TableView<DisagreementRow> disagreementTable;

    public PairsController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        details = new PointDetails(pointHeader, pointText1, pointText2, pointScores);
        compareButton.disableProperty().bind(ui.workspace().pairsProperty().isNull());
        ui.workspace().pairsProperty().addListener((o, old, d) -> showInputs());
        ui.workspace().models().addListener((javafx.collections.ListChangeListener<Object>) c -> showInputs());
        ui.workspace().comparisonProperty().addListener((o, old, c) -> showComparison(c));
        ui.workspace().selectedPairProperty().addListener((o, old, i) -> showSelected(i.intValue()));
        disagreementTable.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                ui.workspace().selectedPairProperty().set(row.index());
            }
        });
        compareProgress.follow(ui.tasks(), t -> t instanceof ComparePairsTask);
        comparisonEmpty.sayWhile(ui.tasks().runningProperty(), t -> t instanceof ComparePairsTask, "Comparing...",
                "Each model's scatter and leaderboard row appear here as soon as that model is scored; progress and Cancel"
                        + " are above.");
        showInputs();
        showComparison(ui.workspace().comparison());
    }

    private void showInputs() {
        PairDataset d = ui.workspace().pairs();
        long chosen = ui.workspace().models().stream().filter(m -> m.isSelected()).count();
        pairsInfo.setText((d == null ? "no pairs loaded" : d.name() + " (" + d.size() + " pairs)") + " · " + chosen
                + (chosen == 1 ? " model ticked" : " models ticked"));
    }

    private void showComparison(PairComparison c) {
        cards.getChildren().clear();
        cards.getColumnConstraints().clear();
        cards.getRowConstraints().clear();
        cardList.clear();
        Leaderboard.show(leaderboard, c);
        resultsPane.setVisible(c != null);
        comparisonEmpty.setVisible(c == null);
        details.show(null, -1);
        if (c == null) {
            DisagreementTable.show(disagreementTable, null);
            resultInfo.setText("");
            return;
        }
        int n = c.models().size();
        int columns = gridColumns(n);
        int rows = (n + columns - 1) / columns;
        for (int col = 0; col < columns; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(cc);
        }
        for (int row = 0; row < rows; row++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            cards.getRowConstraints().add(rc);
        }
        // One row fits the height of the view; more rows scroll, each at the cards' own height.
        cardsScroll.setFitToHeight(rows == 1);
        for (int i = 0; i < n; i++) {
            ModelCard card = new ModelCard(c.models().get(i), c.data(), i, pair -> ui.workspace().selectedPairProperty().set(pair));
            cardList.add(card);
            cards.add(card, i % columns, i / columns);
        }
        // The table in a later pulse: two smaller layout passes keep the window responsive.
        Platform.runLater(() -> {
            if (ui.workspace().comparison() == c) {
                DisagreementTable.show(disagreementTable, c);
            }
        });
        resultInfo.setText(c.data().name() + " · " + c.data().size() + " pairs · computed "
                + c.finishedAt().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
    }

    /** One model takes the full width; two or three side by side; more in rows of three. */
    static int gridColumns(int models) {
        return Math.max(1, Math.min(models, 3));
    }

    private void showSelected(int index) {
        PairComparison c = ui.workspace().comparison();
        details.show(c, index);
        for (ModelCard card : cardList) {
            card.select(index);
        }
        DisagreementRow selected = disagreementTable.getSelectionModel().getSelectedItem();
        if (index < 0) {
            disagreementTable.getSelectionModel().clearSelection();
        } else if (selected == null || selected.index() != index) {
            for (DisagreementRow row : disagreementTable.getItems()) {
                if (row.index() == index) {
                    disagreementTable.getSelectionModel().select(row);
                    disagreementTable.scrollTo(row);
                    break;
                }
            }
        }
    }

    @FXML
    private void compare() {
        ui.actions().comparePairs();
    }

    /** The leaderboard's rows, best Spearman first, for tests. */
    List<Leaderboard.Entry> leaderboardRows() {
        return List.copyOf(leaderboard.getItems());
    }

    /** The model cards in order, for tests and the demo tour. */
    List<ModelCard> cards() {
        return List.copyOf(cardList);
    }
}

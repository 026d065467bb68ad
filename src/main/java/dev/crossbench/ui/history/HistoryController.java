package dev.crossbench.ui.history;

import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.common.EmptyState;
import dev.crossbench.ui.workspace.RunRecord;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Every background task of this session: when, what, how long, and how it ended. */
public final class HistoryController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final UiContext ui;

    @FXML private TableView<RunRecord> historyTable;
    @FXML private EmptyState historyEmpty;

    public HistoryController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        historyTable.setItems(ui.workspace().history());
        historyTable.getColumns().add(column("started", r -> r.started().format(TIME), 90));
        historyTable.getColumns().add(column("task", RunRecord::task, 520));
        historyTable.getColumns().add(column("seconds", r -> String.format(Locale.ROOT, "%.1f", r.seconds()), 80));
        historyTable.getColumns().add(column("outcome", RunRecord::outcome, 420));
        historyEmpty.visibleProperty().bind(Bindings.isEmpty(ui.workspace().history()));
    }

    private static TableColumn<RunRecord, String> column(String title, Function<RunRecord, String> value, double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}

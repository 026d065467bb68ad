package dev.crossbench.ui.shell;

import dev.crossbench.ui.actions.FileChoosers;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.actions.View;
import dev.crossbench.ui.common.MetricHelp;
import dev.crossbench.ui.export.ExportSnapshot;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The window's frame: menu bar, the views as tabs, and files dropped anywhere on the window. */
public final class MainController {
    private final UiContext ui;
    private final Map<View, Tab> tabOf = new EnumMap<>(View.class);

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Menu recentMenu;
    @FXML private Tab dataTab;
    @FXML private Tab modelsTab;
    @FXML private Tab pairsTab;
    @FXML private Tab searchTab;
    @FXML private Tab retrievalTab;
    @FXML private Tab timingTab;
    @FXML private Tab trainingTab;
    @FXML private Tab historyTab;
    @FXML private Tab decideTab;
    @FXML private Tab dedupTab;

    public MainController(UiContext ui) {
        this.ui = ui;
    }

    @FXML
    private void initialize() {
        List<Tab> inOrder = List.of(dataTab, modelsTab, pairsTab, searchTab, retrievalTab, timingTab, trainingTab, historyTab,
                decideTab, dedupTab);
        for (View v : View.values()) {
            tabOf.put(v, inOrder.get(v.ordinal()));
            inOrder.get(v.ordinal()).setUserData(v);
        }
        tabs.getSelectionModel().select(tabOf.get(ui.navigation().current()));
        ui.navigation().currentProperty().addListener((o, old, v) -> tabs.getSelectionModel().select(tabOf.get(v)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, t) -> ui.navigation().show((View) t.getUserData()));
        rebuildRecentMenu();
        ui.workspace().pairsProperty().addListener((o, old, now) -> rebuildRecentMenu());
        acceptDroppedFiles();
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                ui.navigation().show(View.DATA);
                // Several files at once: a BEIR folder's corpus, queries and qrels dropped together.
                files.forEach(f -> ui.actions().retrieval().openDropped(f.toPath()));
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        List<Path> recent = ui.prefs().recentFiles();
        for (int i = 0; i < recent.size(); i++) {
            Path p = recent.get(i);
            MenuItem item = new MenuItem((i + 1) + "  " + p.getFileName() + "   (" + p.getParent() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> ui.actions().openPairs(p));
            recentMenu.getItems().add(item);
        }
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("(no recent files)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    @FXML
    private void openPairs() {
        FileChoosers.openPairs(ui);
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

    private boolean somethingToExport() {
        if (ExportSnapshot.of(ui.workspace()).isEmpty()) {
            ui.problems().report("Nothing to export yet", "load pairs, or run a comparison, a timing or a retrieval evaluation first");
            return false;
        }
        return true;
    }

    @FXML
    private void exportCharts() {
        if (somethingToExport()) {
            File dir = folder("Folder for the chart PNGs");
            if (dir != null) {
                ui.actions().exportCharts(dir.toPath());
            }
        }
    }

    @FXML
    private void exportTables() {
        if (somethingToExport()) {
            File dir = folder("Folder for the table CSVs");
            if (dir != null) {
                ui.actions().exportTables(dir.toPath());
            }
        }
    }

    @FXML
    private void exportReport() {
        if (somethingToExport()) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the report");
            chooser.setInitialFileName("crossbench-report.html");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
            File f = chooser.showSaveDialog(ui.window());
            if (f != null) {
                ui.actions().exportReport(f.toPath());
            }
        }
    }

    private File folder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(ui.window());
    }

    @FXML
    private void quit() {
        ((Stage) ui.window()).close();
    }

    @FXML
    private void comparePairs() {
        ui.actions().comparePairs();
    }

    @FXML
    private void measureTiming() {
        ui.actions().measureTiming();
    }

    @FXML
    private void evaluateRetrieval() {
        ui.actions().retrieval().evaluate();
    }

    @FXML
    private void cancelTask() {
        ui.tasks().cancelRunning();
    }

    @FXML private void showData() { ui.navigation().show(View.DATA); }
    @FXML private void showModels() { ui.navigation().show(View.MODELS); }
    @FXML private void showPairs() { ui.navigation().show(View.PAIRS); }
    @FXML private void showSearch() { ui.navigation().show(View.SEARCH); }
    @FXML private void showRetrieval() { ui.navigation().show(View.RETRIEVAL); }
    @FXML private void showTiming() { ui.navigation().show(View.TIMING); }
    @FXML private void showTraining() { ui.navigation().show(View.TRAINING); }
    @FXML private void showHistory() { ui.navigation().show(View.HISTORY); }
    @FXML private void showDecide() { ui.navigation().show(View.DECIDE); }
    @FXML private void showDedup() { ui.navigation().show(View.DEDUP); }

    @FXML
    private void decide() {
        ui.actions().decide().decide();
    }

    @FXML
    private void deduplicate() {
        ui.actions().dedup().deduplicate();
    }

    @FXML
    private void showMetricHelp() {
        StringBuilder text = new StringBuilder();
        for (MetricHelp m : MetricHelp.values()) {
            text.append(m.text()).append("\n\n");
        }
        TextArea area = new TextArea(text.toString().strip());
        area.setWrapText(true);
        area.setEditable(false);
        area.setPrefSize(560, 420);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(ui.window());
        a.setTitle("What the metrics mean");
        a.setHeaderText("What the metrics mean");
        a.getDialogPane().setContent(area);
        a.show();
    }

    @FXML
    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(ui.window());
        a.setTitle("About Crossbench");
        a.setHeaderText("Crossbench 0.1.0");
        a.setContentText("Compare bi-encoders and cross-encoders on your own data: agreement with gold scores, "
                + "retrieval quality and cost, on the machine you have.\n\nEvery number shown here comes from the same "
                + "services as the command line (crossbench --help).");
        a.show();
    }
}

package dev.crossbench.ui.shell;

import dev.crossbench.ui.UiContext;
import dev.crossbench.ui.View;
import java.io.File;
import javafx.stage.FileChooser;

/** The file dialogs shared by menu items and buttons. */
public final class FileChoosers {
    private FileChoosers() {}

    /** Asks for a labeled-pair file (starting where the last one was) and opens it. */
    public static void openPairs(UiContext ui) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open labeled pairs");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Pairs (CSV, TSV, JSONL)", "*.csv", "*.tsv", "*.jsonl", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        ui.prefs().recentFiles().stream().findFirst().map(p -> p.toAbsolutePath().getParent().toFile())
                .filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File f = chooser.showOpenDialog(ui.window());
        if (f != null) {
            ui.navigation().show(View.DATA);
            ui.actions().openPairs(f.toPath());
        }
    }
}

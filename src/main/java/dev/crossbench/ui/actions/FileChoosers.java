package dev.crossbench.ui.actions;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.FileChooser;

/** The file dialogs shared by menu items and buttons. */
public final class FileChoosers {
    private FileChoosers() {}

    /** Asks for a labeled-pair file (starting where the last one was) and opens it. */
    public static void openPairs(UiContext ui) {
        choose(ui, "Open labeled pairs", new FileChooser.ExtensionFilter("Pairs (CSV, TSV, JSONL)", "*.csv", "*.tsv", "*.jsonl", "*.txt"),
                f -> ui.actions().openPairs(f));
    }

    public static void openCorpus(UiContext ui) {
        choose(ui, "Open a corpus", new FileChooser.ExtensionFilter("Corpus (JSONL, CSV, TSV, text)", "*.jsonl", "*.json", "*.csv",
                "*.tsv", "*.txt"), f -> ui.actions().retrieval().openCorpus(f));
    }

    public static void openQueries(UiContext ui) {
        choose(ui, "Open queries", new FileChooser.ExtensionFilter("Queries (JSONL, TSV)", "*.jsonl", "*.json", "*.tsv", "*.txt"),
                f -> ui.actions().retrieval().openQueries(f));
    }

    public static void openQrels(UiContext ui) {
        choose(ui, "Open relevance judgements (qrels)", new FileChooser.ExtensionFilter("Qrels (BEIR TSV, TREC)", "*.tsv", "*.txt",
                "*.qrels"), f -> ui.actions().retrieval().openQrels(f));
    }

    private static void choose(UiContext ui, String title, FileChooser.ExtensionFilter filter, Consumer<Path> open) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*"));
        ui.prefs().recentFiles().stream().findFirst().map(p -> p.toAbsolutePath().getParent().toFile())
                .filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File f = chooser.showOpenDialog(ui.window());
        if (f != null) {
            ui.navigation().show(View.DATA);
            open.accept(f.toPath());
        }
    }
}

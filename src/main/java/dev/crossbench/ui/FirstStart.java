package dev.crossbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the workbench does when its window opens: detect the device and engines, choose the
 * remembered models (all-MiniLM-L6-v2 the first time), open a pairs file (the one given, the
 * most recent, or the bundled sample) and, for the sample or a file given on the command line,
 * run the comparison at once, so a new user sees results within seconds. With the sample it also
 * opens the sample's corpus, queries and qrels, so Search and Retrieval have something to work on.
 */
final class FirstStart {
    static final String DEFAULT_MODEL = "all-MiniLM-L6-v2";

    private final UiContext ui;
    private final StartOptions options;

    FirstStart(UiContext ui, StartOptions options) {
        this.ui = ui;
        this.options = options;
    }

    void run() {
        ui.actions().detectEnvironment();
        if (!options.startupLoad()) {
            return;
        }
        modelsToChoose().forEach(ui.actions()::addModel);
        Optional<Path> explicit = options.pairs();
        Optional<Path> sample = SampleData.pairs();
        List<Path> recent = ui.prefs().recentFiles();
        Optional<Path> file = explicit.or(() -> recent.stream().findFirst()).or(() -> sample);
        if (file.isEmpty()) {
            return;
        }
        boolean compareNow = explicit.isPresent() || file.equals(sample);
        // Tasks run one after another, so once the pairs are in, the models are too. Chained in
        // the success callback, the comparison is queued before the load counts as finished, so
        // the workbench never looks idle in between.
        ui.actions().openPairs(file.get(), () -> {
            if (compareNow && !ui.workspace().selectedSpecs().isEmpty()) {
                ui.actions().comparePairs();
            }
        });
        if (file.equals(sample)) {
            openSampleCollection(sample.get());
        }
    }

    /** The sample's corpus, queries and qrels, queued behind the pairs and ahead of the comparison. */
    private void openSampleCollection(Path samplePairs) {
        RetrievalActions r = ui.actions().retrieval();
        SampleData.besidePairs(samplePairs, SampleData.CORPUS_FILE).ifPresent(r::openCorpus);
        SampleData.besidePairs(samplePairs, SampleData.QUERIES_FILE).ifPresent(r::openQueries);
        SampleData.besidePairs(samplePairs, SampleData.QRELS_FILE).ifPresent(r::openQrels);
    }

    private List<String> modelsToChoose() {
        if (!options.models().isEmpty()) {
            return options.models();
        }
        List<String> remembered = new ArrayList<>(ui.prefs().chosenModels());
        return remembered.isEmpty() ? List.of(DEFAULT_MODEL) : remembered;
    }
}

package dev.crossbench.ui.start;

import dev.crossbench.app.ModelKind;
import dev.crossbench.model.BundledModel;
import dev.crossbench.ui.actions.RetrievalActions;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.workspace.RetrievalCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;

/**
 * What the workbench does when its window opens: detect the device and engines, choose the
 * remembered models (the first time all-MiniLM-L6-v2 and the bundled pair scorer), preselect the
 * bundled reranker for Search and Retrieval, open a pairs file (the one given, the most recent, or
 * the bundled sample) and, for the sample or a file given on the command line, run the comparison
 * at once, so a new user sees results within seconds. With the sample it also opens the retrieval
 * sample (held-out SQuAD paragraphs and questions) and, once the comparison is done, evaluates the
 * bi-encoder alone against it plus the reranker, so reranking's effect on nDCG@10 is there too.
 * Every bundled model is optional: without it the start is what it was before they existed.
 * Before any of that the saved session is put back ({@link SessionRestore}): pairs that come back
 * with it are not opened or compared again (a pairs file given on the command line is opened and
 * compared instead of the saved pairs), and
 * a restored retrieval collection is not replaced by the sample.
 */
public final class FirstStart {
    /** Rerank depth of the start-up evaluation: 60 queries x 20 candidates keeps it to a minute or so on 2 cores. */
    public static final int EVALUATION_K = 20;
    public static final String EVALUATION_SWEEP = "5, 10, 20";

    private final UiContext ui;
    private final StartOptions options;
    private final SessionKeeper session;

    /** @param session saves the workspace once the saved one has been restored */
    public FirstStart(UiContext ui, StartOptions options, SessionKeeper session) {
        this.ui = ui;
        this.options = options;
        this.session = session;
    }

    public void run() {
        ui.actions().detectEnvironment();
        if (!options.startupLoad()) {
            return;
        }
        modelsToChoose().forEach(ui.actions()::addModel);
        BundledModel.forTask(BundledModel.Task.RERANKER).ifPresent(m -> ui.actions().retrieval().reranker().choose(m.displayName()));
        Optional<Path> explicit = options.pairs();
        // Pairs given on the command line replace the saved ones (and their comparison).
        SessionRestore.Restored restored = new SessionRestore(ui, session, explicit.isEmpty()).run();
        if (restored.pairs()) {
            return;
        }
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
        if (file.equals(sample) && !restored.collection()) {
            openSampleCollection(sample.get());
            evaluateOnceChecked();
        }
    }

    /** The retrieval sample's corpus, queries and qrels, queued behind the pairs and ahead of the comparison. */
    private void openSampleCollection(Path samplePairs) {
        RetrievalActions r = ui.actions().retrieval();
        SampleData.retrievalSample(samplePairs, SampleData.CORPUS_FILE).ifPresent(r::openCorpus);
        SampleData.retrievalSample(samplePairs, SampleData.QUERIES_FILE).ifPresent(r::openQueries);
        SampleData.retrievalSample(samplePairs, SampleData.QRELS_FILE).ifPresent(r::openQrels);
    }

    /**
     * Evaluates retrieval with the preselected reranker as soon as the sample collection has been
     * checked. The check is queued when the qrels arrive, which is after the comparison was queued,
     * so the evaluation runs after the comparison; it leaves the Pairs view in front.
     */
    private void evaluateOnceChecked() {
        RetrievalActions r = ui.actions().retrieval();
        if (r.reranker().reference() == null) {
            return;
        }
        ChangeListener<RetrievalCheck> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RetrievalCheck> o, RetrievalCheck old, RetrievalCheck check) {
                if (check == null) {
                    return;
                }
                o.removeListener(this);
                if (check.isUsable() && r.reranker().reference() != null
                        && !ui.workspace().selectedSpecs(ModelKind.BI).isEmpty()) {
                    r.settings().kProperty().set(EVALUATION_K);
                    r.settings().sweepProperty().set(EVALUATION_SWEEP);
                    r.evaluateInBackground();
                }
            }
        };
        ui.workspace().retrievalCheckProperty().addListener(once);
    }

    private List<String> modelsToChoose() {
        if (!options.models().isEmpty()) {
            return options.models();
        }
        List<String> remembered = new ArrayList<>(ui.prefs().chosenModels());
        if (!remembered.isEmpty()) {
            return remembered;
        }
        List<String> first = new ArrayList<>(List.of(WorkbenchPrefs.DEFAULT_MODEL));
        BundledModel.forTask(BundledModel.Task.PAIR_SCORER).ifPresent(m -> first.add(m.displayName()));
        return first;
    }
}

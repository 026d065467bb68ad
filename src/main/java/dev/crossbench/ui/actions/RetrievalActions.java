package dev.crossbench.ui.actions;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.app.SearchSession;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.FileKind;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QrelsReader;
import dev.crossbench.data.QueriesReader;
import dev.crossbench.data.QuerySet;
import dev.crossbench.ui.settings.RerankerChoice;
import dev.crossbench.ui.settings.RetrievalRunSettings;
import dev.crossbench.ui.task.BuildSearchIndexTask;
import dev.crossbench.ui.task.CheckRetrievalDataTask;
import dev.crossbench.ui.task.DetectFileKindTask;
import dev.crossbench.ui.task.LoadRetrievalFileTask;
import dev.crossbench.ui.task.RetrievalEvaluationTask;
import dev.crossbench.ui.task.SearchTask;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.RetrievalCheck;
import dev.crossbench.ui.workspace.RetrievalComparison;
import dev.crossbench.ui.workspace.SearchRequest;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The retrieval use cases: open a corpus, queries and qrels; search the corpus; evaluate
 * retrieval. As {@link WorkbenchActions}: call on the FX thread; each checks its preconditions
 * (else the error bar says what is missing), runs a background task and puts the result in the
 * workspace. A failed load leaves what was loaded before.
 */
public final class RetrievalActions {
    private final UiContext ui;
    private final ModelService models;
    private final CorpusIndexer indexer;
    private final SearchSession session;
    private final RerankerChoice reranker = new RerankerChoice();
    private final RetrievalRunSettings settings = new RetrievalRunSettings();

    RetrievalActions(UiContext ui, ModelService models, CorpusIndexer indexer) {
        this.ui = ui;
        this.models = models;
        this.indexer = indexer;
        this.session = new SearchSession(models, indexer);
        // Cross-encoders chosen in the Models view (or trained here) are offered as rerankers.
        ui.workspace().models().addListener((javafx.collections.ListChangeListener<ModelChoice>) c -> offerChosenCrossEncoders());
        offerChosenCrossEncoders();
    }

    /** The options of the chosen cross-encoder with this reference, or null when it is not a chosen model. */
    ModelSpec chosenCrossEncoder(String reference) {
        if (reference == null) {
            return null;
        }
        return ws().models().stream().filter(m -> m.isCross() && reference.equals(WorkbenchActions.referenceOf(m.descriptor())))
                .map(ModelChoice::spec).findFirst().orElse(null);
    }

    private void offerChosenCrossEncoders() {
        for (ModelChoice m : ws().models()) {
            if (m.isCross()) {
                reranker.offer(WorkbenchActions.referenceOf(m.descriptor()));
            }
        }
    }

    private Workspace ws() {
        return ui.workspace();
    }

    /** The Retrieval view's index, K and rerank depths. */
    public RetrievalRunSettings settings() {
        return settings;
    }

    /** The cross-encoder both the Search and the Retrieval view rerank with. */
    public RerankerChoice reranker() {
        return reranker;
    }

    public WorkbenchTask<Corpus> openCorpus(Path file) {
        return load("corpus", file, CorpusReader::read, ws()::setCorpus);
    }

    public WorkbenchTask<QuerySet> openQueries(Path file) {
        return load("queries", file, QueriesReader::read, ws()::setQueries);
    }

    public WorkbenchTask<Qrels> openQrels(Path file) {
        return load("qrels", file, QrelsReader::read, ws()::setQrels);
    }

    private <T> WorkbenchTask<T> load(String what, Path file, Function<Path, T> reader, Consumer<T> into) {
        return ui.tasks().submit(new LoadRetrievalFileTask<>(what, file, reader), loaded -> {
            into.accept(loaded);
            ui.problems().dismiss();
            checkWhenComplete();
        });
    }

    /** With corpus, queries and qrels all loaded, checks that they fit together (off the FX thread: qrels can be large). */
    private void checkWhenComplete() {
        Corpus c = ws().corpus();
        QuerySet q = ws().queries();
        Qrels r = ws().qrels();
        if (c == null || q == null || r == null) {
            return;
        }
        ui.tasks().submit(new CheckRetrievalDataTask(c, q, r), check -> {
            if (check.checks(ws().corpus(), ws().queries(), ws().qrels())) {
                ws().retrievalCheckProperty().set(check);
            }
        });
    }

    /** A file dropped on the window: pairs, corpus, queries or qrels, told apart by name and first lines. */
    public WorkbenchTask<FileKind> openDropped(Path file) {
        return ui.tasks().submit(new DetectFileKindTask(file), kind -> {
            switch (kind) {
                case CORPUS -> openCorpus(file);
                case QUERIES -> openQueries(file);
                case QRELS -> openQrels(file);
                case PAIRS -> ui.actions().openPairs(file);
            }
        });
    }

    /** Encodes the loaded corpus with the model (or takes it from the embedding cache) so searches answer at once. */
    public Optional<WorkbenchTask<?>> buildSearchIndex(ModelSpec model) {
        Corpus corpus = ws().corpus();
        if (corpus == null || model == null) {
            ui.problems().report("Cannot build the search index", corpus == null
                    ? "load a corpus first (Data view, or File > Open corpus…)" : "choose a bi-encoder in the Models view");
            return Optional.empty();
        }
        return Optional.of(ui.tasks().submit(new BuildSearchIndexTask(session, corpus, model), ws().searchIndexProperty()::set));
    }

    public Optional<WorkbenchTask<?>> search(SearchRequest request) {
        if (request.query().isBlank()) {
            ui.problems().report("Nothing to search", "type a query or pick a loaded one");
            return Optional.empty();
        }
        SearchRequest withOptions = request.withCrossSpec(chosenCrossEncoder(request.crossEncoder()));
        return Optional.of(ui.tasks().submit(new SearchTask(session, withOptions), outcome -> {
            ws().searchIndexProperty().set(outcome.index());
            ws().searchProperty().set(outcome);
        }));
    }

    /**
     * Evaluates each ticked bi-encoder on the loaded collection, alone and with the chosen
     * cross-encoder reranking its top K, with the {@link #settings()}; the sweep depths are
     * measured only with a cross-encoder (they are rerank depths).
     */
    public Optional<WorkbenchTask<?>> evaluate() {
        return evaluate(true);
    }

    /** As {@link #evaluate()}, but leaves the view in front where it is (the start-up evaluation runs behind the Pairs view). */
    public Optional<WorkbenchTask<?>> evaluateInBackground() {
        return evaluate(false);
    }

    private Optional<WorkbenchTask<?>> evaluate(boolean showView) {
        List<Integer> sweep;
        try {
            sweep = settings.parsedSweep();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot evaluate retrieval", e.getMessage());
            return Optional.empty();
        }
        int k = settings.kProperty().get();
        List<ModelSpec> specs = ws().selectedSpecs(ModelKind.BI);
        RetrievalCheck check = ws().retrievalCheck();
        String missing = ws().corpus() == null ? "a corpus" : ws().queries() == null ? "queries"
                : ws().qrels() == null ? "qrels (relevance judgements)" : null;
        if (missing != null) {
            ui.problems().report("Cannot evaluate retrieval", "load " + missing + " first (Data view, or the File menu)");
            return Optional.empty();
        }
        if (check == null || !check.isUsable()) {
            ui.problems().report("Cannot evaluate retrieval", check == null ? "corpus, queries and qrels are still being checked"
                    : check.error());
            return Optional.empty();
        }
        if (specs.isEmpty()) {
            ui.problems().report("Cannot evaluate retrieval", "choose at least one bi-encoder in the Models view");
            return Optional.empty();
        }
        String cross = reranker.reference();
        RetrievalSettings run = new RetrievalSettings(RetrievalSettings.DEFAULTS.format(), settings.indexChoice(), k,
                cross == null ? List.of() : sweep, RetrievalSettings.DEFAULTS.ignoreIdenticalIds(), RetrievalComparison.metricsFor(k));
        RetrievalData data = new RetrievalData(check.corpus(), check.queries(), check.qrels(), check.report());
        if (showView) {
            ui.navigation().show(View.RETRIEVAL);
        }
        return Optional.of(ui.tasks().submit(new RetrievalEvaluationTask(data, specs, cross, chosenCrossEncoder(cross), run, models, indexer),
                ws().retrievalProperty()::set));
    }

    /** Closes the open index and cross-encoder; run on the worker thread, after everything else. */
    public void close() {
        session.close();
    }
}

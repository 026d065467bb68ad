package dev.crossbench.ui.actions;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.PairDataset;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelSource;
import dev.crossbench.ui.export.ExportSnapshot;
import dev.crossbench.ui.export.Exporter;
import dev.crossbench.ui.export.HtmlReport;
import dev.crossbench.ui.task.ComparePairsTask;
import dev.crossbench.ui.task.DetectEnvironmentTask;
import dev.crossbench.ui.task.LoadPairsTask;
import dev.crossbench.ui.task.ResolveModelTask;
import dev.crossbench.ui.task.TimingTask;
import dev.crossbench.ui.task.TrainModelTask;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.ResolvedModel;
import dev.crossbench.ui.workspace.TrainedModel;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workbench's use cases, shared by buttons, menus and the start-up sequence: each checks its
 * preconditions, starts a background task and, when it succeeds, puts the result in the workspace.
 * Call on the FX thread. Each returns the task it started (empty when a precondition failed and
 * the error bar says why), so callers can chain on it.
 */
public final class WorkbenchActions {
    private final UiContext ui;
    private final ModelService models;
    private final RetrievalActions retrieval;
    private final DecideActions decide;
    private final DedupActions dedup;

    WorkbenchActions(UiContext ui, ModelService models, CorpusIndexer indexer) {
        this.ui = ui;
        this.models = models;
        this.retrieval = new RetrievalActions(ui, models, indexer);
        this.decide = new DecideActions(ui, models, indexer);
        this.dedup = new DedupActions(ui, models, indexer, retrieval.reranker());
    }

    /** Duplicates and paraphrases of the loaded texts, as {@code crossbench dedup}. */
    public DedupActions dedup() {
        return dedup;
    }

    /** Bi-encoder, two-stage or cross-encoder: measured, extrapolated, recommended per latency budget. */
    public DecideActions decide() {
        return decide;
    }

    /** Corpus, queries and qrels; search; retrieval evaluation. */
    public RetrievalActions retrieval() {
        return retrieval;
    }

    private Workspace ws() {
        return ui.workspace();
    }

    public WorkbenchTask<?> detectEnvironment() {
        return ui.tasks().submit(new DetectEnvironmentTask(), ws().environmentProperty()::set);
    }

    /** A failed load reports file and line and leaves the loaded pairs (and results) as they were. */
    public WorkbenchTask<PairDataset> openPairs(Path file) {
        return openPairs(file, () -> { });
    }

    /** @param thenOnSuccess runs right after the pairs are in the workspace, before the task counts as finished */
    public WorkbenchTask<PairDataset> openPairs(Path file, Runnable thenOnSuccess) {
        return ui.tasks().submit(new LoadPairsTask(file), data -> {
            ws().setPairs(data);
            ui.prefs().addRecentFile(file);
            ui.problems().dismiss();
            thenOnSuccess.run();
        });
    }

    /**
     * Adds a model by built-in name, folder or hub id (downloaded with progress when needed): a
     * cross-encoder when its config.json says so (sequence classification), else a bi-encoder.
     */
    public Optional<WorkbenchTask<ResolvedModel>> addModel(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            ui.problems().report("No model given", "type a built-in name, a folder or a hub id such as org/name");
            return Optional.empty();
        }
        if (ws().hasModel(r)) {
            return Optional.empty();
        }
        return Optional.of(ui.tasks().submit(new ResolveModelTask(models, r), this::choose));
    }

    /** Adds a resolved model to the chosen ones (ticked) unless one of that name is there. */
    void choose(ResolvedModel m) {
        if (!ws().hasModel(m.descriptor().name())) {
            ws().models().add(new ModelChoice(m));
            saveChosenModels();
        }
    }

    public void removeModel(ModelChoice m) {
        ws().models().remove(m);
        saveChosenModels();
    }

    private void saveChosenModels() {
        ui.prefs().saveChosenModels(ws().models().stream().map(m -> referenceOf(m.descriptor())).toList());
    }

    /** What to type to get this model back: the built-in or bundled name, the folder path or the hub id. */
    static String referenceOf(ModelDescriptor d) {
        return d.source() == ModelSource.BUILTIN || d.source() == ModelSource.BUNDLED ? d.name() : d.origin();
    }

    public Optional<WorkbenchTask<?>> comparePairs() {
        PairDataset data = ws().pairs();
        List<ModelSpec> specs = ws().selectedSpecs();
        if (data == null) {
            ui.problems().report("Nothing to compare", "load a file of labeled pairs first (Data, or File > Open pairs)");
            return Optional.empty();
        }
        if (specs.isEmpty()) {
            ui.problems().report("Nothing to compare", "choose at least one bi-encoder or cross-encoder in the Models view");
            return Optional.empty();
        }
        ui.navigation().show(View.PAIRS);
        return Optional.of(ui.tasks().submit(new ComparePairsTask(data, specs, models, ws()::setComparison), ws()::setComparison));
    }

    public Optional<WorkbenchTask<?>> measureTiming() {
        PairDataset data = ws().pairs();
        List<ModelSpec> specs = ws().selectedSpecs();
        List<Integer> batches;
        try {
            batches = ui.timingSettings().parsedBatchSizes();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot measure timing", e.getMessage());
            return Optional.empty();
        }
        if (data == null || specs.isEmpty()) {
            ui.problems().report("Nothing to time", data == null ? "load labeled pairs first: their sentences are the texts timed"
                    : "choose at least one bi-encoder or cross-encoder in the Models view");
            return Optional.empty();
        }
        int[] depths;
        try {
            depths = ui.timingSettings().parsedRerankDepths();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot measure timing", e.getMessage());
            return Optional.empty();
        }
        TimingTask.Inputs inputs = new TimingTask.Inputs(data, ui.timingSettings().textsProperty().get(), batches,
                ui.timingSettings().repeatsProperty().get(), depths);
        ui.navigation().show(View.TIMING);
        return Optional.of(ui.tasks().submit(new TimingTask(specs, inputs, models, ws().timings()::setAll), ws().timings()::setAll));
    }

    /** Where trained models go unless the user names a folder: {@code <Crossbench cache>/trained}. */
    public Path trainedModelsFolder() {
        return models.catalog().home().resolve("trained");
    }

    /**
     * Fine-tunes a model with the Training view's settings. The run's live state is the
     * workspace's {@link TrainingRun}; on success the model joins the chosen models, ticked.
     */
    public Optional<WorkbenchTask<TrainModelTask.Trained>> trainModel() {
        return new TrainingLaunch(ui, models, this::choose).start(trainedModelsFolder());
    }

    /** Chooses a model trained in this session again (after it was removed from the chosen list). */
    public Optional<WorkbenchTask<ResolvedModel>> addTrained(TrainedModel m) {
        return addModel(m.folder().toAbsolutePath().toString());
    }

    public WorkbenchTask<List<Path>> exportCharts(Path dir) {
        ExportSnapshot snapshot = ExportSnapshot.of(ws());
        return export("Export charts to " + dir, () -> Exporter.chartsToPng(snapshot, dir));
    }

    public WorkbenchTask<List<Path>> exportTables(Path dir) {
        ExportSnapshot snapshot = ExportSnapshot.of(ws());
        return export("Export tables to " + dir, () -> Exporter.tablesToCsv(snapshot, dir));
    }

    public WorkbenchTask<List<Path>> exportReport(Path file) {
        ExportSnapshot snapshot = ExportSnapshot.of(ws());
        return export("Export report " + file.getFileName(), () -> {
            HtmlReport.write(snapshot, file);
            return List.of(file);
        });
    }

    /** Writes on the worker; also the Dedup view's exports. */
    WorkbenchTask<List<Path>> export(String title, Supplier<List<Path>> work) {
        // Callers take the snapshot on the FX thread; only rendering and writing run on the worker.
        WorkbenchTask<List<Path>> task = new WorkbenchTask<>(title) {
            @Override
            protected List<Path> call() {
                return work.get();
            }
        };
        return ui.tasks().submit(task, written -> { });
    }
}

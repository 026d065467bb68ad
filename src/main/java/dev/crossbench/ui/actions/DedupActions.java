package dev.crossbench.ui.actions;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.DedupSettings;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.DedupFiles;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.ui.settings.DedupRunSettings;
import dev.crossbench.ui.settings.RerankerChoice;
import dev.crossbench.ui.task.DedupTask;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.DedupOutcome;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Deduplicate use case: the loaded corpus or the loaded pairs' distinct sentences, a chosen bi-encoder and
 * optionally a cross-encoder verifying the candidates (a choice of its own, offering Search's cross-encoders); gold
 * from the pairs' scores or a gold file. As the other actions: call on the FX thread; a missing precondition goes to
 * the error bar, and the earlier result stays.
 */
public final class DedupActions {
    private final UiContext ui;
    private final ModelService models;
    private final CorpusIndexer indexer;
    private final DedupRunSettings settings = new DedupRunSettings();
    private final RerankerChoice verifier;

    DedupActions(UiContext ui, ModelService models, CorpusIndexer indexer, RerankerChoice rerankers) {
        this.ui = ui;
        this.models = models;
        this.indexer = indexer;
        this.verifier = rerankers.sharingSuggestions();
    }

    public DedupRunSettings settings() {
        return settings;
    }

    /** The cross-encoder that verifies candidates; none by default. */
    public RerankerChoice verifier() {
        return verifier;
    }

    /** The bi-encoders among the chosen models, by name, for the view's chooser. */
    public List<String> biEncoderNames() {
        return ui.workspace().models().stream().filter(m -> !m.isCross()).map(ModelChoice::name).toList();
    }

    public Optional<WorkbenchTask<?>> deduplicate() {
        Workspace ws = ui.workspace();
        DedupSettings run;
        double goldMin;
        try {
            run = settings.toSettings();
            goldMin = settings.parsedGoldMinScore();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot deduplicate", e.getMessage());
            return Optional.empty();
        }
        boolean corpus = settings.sourceProperty().get() == DedupRunSettings.Source.CORPUS;
        ModelSpec bi = chosenBiEncoder();
        String problem = corpus && ws.corpus() == null ? "load a corpus first (Data view, or File > Open corpus), or deduplicate the pairs' sentences"
                : !corpus && ws.pairs() == null ? "load labeled pairs first (Data view, or File > Open pairs), or deduplicate the loaded corpus"
                : bi == null ? "add a bi-encoder in the Models view" : null;
        if (problem != null) {
            ui.problems().report("Cannot deduplicate", problem);
            return Optional.empty();
        }
        DedupTask.Inputs in = new DedupTask.Inputs(corpus ? ws.corpus() : null, corpus ? null : ws.pairs(),
                settings.goldFileProperty().get(), goldMin);
        String cross = verifier.reference();
        ui.navigation().show(View.DEDUP);
        return Optional.of(ui.tasks().submit(new DedupTask(in, bi, cross, ui.actions().retrieval().chosenCrossEncoder(cross), run, models,
                indexer), ws::setDedup));
    }

    /** The named bi-encoder, else the first ticked one, else the first chosen; null when there is none. */
    private ModelSpec chosenBiEncoder() {
        String name = settings.modelProperty().get();
        List<ModelChoice> bis = ui.workspace().models().stream().filter(m -> !m.isCross()).toList();
        return bis.stream().filter(m -> m.name().equals(name)).findFirst()
                .or(() -> bis.stream().filter(ModelChoice::isSelected).findFirst())
                .or(() -> bis.stream().findFirst()).map(ModelChoice::spec).orElse(null);
    }

    /** The duplicate pairs at the view's thresholds, as {@code crossbench dedup --pairs-out} writes them. */
    public Optional<WorkbenchTask<List<Path>>> exportPairs(Path file) {
        return export(file, (o, rule) -> DedupFiles.writePairs(file, o.result().pairRows(rule), o.result().verified()));
    }

    /** The clusters at the view's thresholds, as {@code crossbench dedup --clusters-out} writes them. */
    public Optional<WorkbenchTask<List<Path>>> exportClusters(Path file) {
        return export(file, (o, rule) -> DedupFiles.writeClusters(file, o.result().clusterRows(o.result().clusters(rule))));
    }

    private interface Writer {
        void write(DedupOutcome outcome, AcceptRule rule);
    }

    private Optional<WorkbenchTask<List<Path>>> export(Path file, Writer writer) {
        DedupOutcome o = ui.workspace().dedup();
        AcceptRule rule = ui.workspace().dedupRule();
        if (o == null || rule == null) {
            ui.problems().report("Nothing to export", "deduplicate first (Run > Deduplicate)");
            return Optional.empty();
        }
        return Optional.of(ui.actions().export("Export " + file.getFileName(), () -> {
            writer.write(o, rule);
            return List.of(file);
        }));
    }
}

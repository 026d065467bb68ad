package dev.crossbench.ui.actions;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.decide.DecideSettings;
import dev.crossbench.ui.settings.DecideRunSettings;
import dev.crossbench.ui.task.DecideTask;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.RetrievalCheck;
import java.util.List;
import java.util.Optional;

/**
 * The Decide use case: on the loaded corpus, queries and qrels, measure the ticked bi-encoders alone and with the
 * chosen cross-encoder (Search and Retrieval's), extrapolate to the stated corpus size and recommend per budget.
 * As the other actions: call on the FX thread; a missing precondition goes to the error bar.
 */
public final class DecideActions {
    private final UiContext ui;
    private final ModelService models;
    private final CorpusIndexer indexer;
    private final DecideRunSettings settings = new DecideRunSettings();

    DecideActions(UiContext ui, ModelService models, CorpusIndexer indexer) {
        this.ui = ui;
        this.models = models;
        this.indexer = indexer;
    }

    public DecideRunSettings settings() {
        return settings;
    }

    public Optional<WorkbenchTask<?>> decide() {
        DecideSettings run;
        try {
            run = settings.toSettings();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot decide", e.getMessage());
            return Optional.empty();
        }
        RetrievalCheck check = ui.workspace().retrievalCheck();
        List<ModelSpec> specs = ui.workspace().selectedSpecs(ModelKind.BI);
        String problem = ui.workspace().corpus() == null || ui.workspace().queries() == null || ui.workspace().qrels() == null
                ? "load a corpus, queries and qrels first (Data view, or the File menu)"
                : check == null ? "corpus, queries and qrels are still being checked"
                : !check.isUsable() ? check.error()
                : specs.isEmpty() ? "choose at least one bi-encoder in the Models view" : null;
        if (problem != null) {
            ui.problems().report("Cannot decide", problem);
            return Optional.empty();
        }
        RetrievalActions retrieval = ui.actions().retrieval();
        String cross = retrieval.reranker().reference();
        RetrievalData data = new RetrievalData(check.corpus(), check.queries(), check.qrels(), check.report());
        ui.navigation().show(View.DECIDE);
        return Optional.of(ui.tasks().submit(new DecideTask(data, specs, cross, retrieval.chosenCrossEncoder(cross), run, models, indexer),
                ui.workspace().decisionProperty()::set));
    }
}

package dev.crossbench.ui.task;

import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.SearchService;
import dev.crossbench.app.SearchSession;
import dev.crossbench.data.Corpus;
import dev.crossbench.ui.workspace.SearchIndexInfo;

/** Encodes the corpus (through the embedding cache) and opens the Search view's index; cancel stops between batches. */
public final class BuildSearchIndexTask extends WorkbenchTask<SearchIndexInfo> {
    private final SearchSession session;
    private final Corpus corpus;
    private final ModelSpec model;

    public BuildSearchIndexTask(SearchSession session, Corpus corpus, ModelSpec model) {
        super("Build search index: " + corpus.size() + " documents with " + model.name());
        this.session = session;
        this.corpus = corpus;
        this.model = model;
    }

    @Override
    protected SearchIndexInfo call() {
        updateMessage("loading " + model.name());
        SearchService service = session.index(corpus, model, new PhaseProgress("", this::updateMessage, this::updateProgress, 0, 1),
                this::isCancelled);
        return SearchIndexInfo.of(corpus, model, service.indexed());
    }
}

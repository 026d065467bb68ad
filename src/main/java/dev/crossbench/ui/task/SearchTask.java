package dev.crossbench.ui.task;

import dev.crossbench.app.SearchService;
import dev.crossbench.app.SearchSession;
import dev.crossbench.search.Reranker;
import dev.crossbench.search.TwoStageResult;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.SearchIndexInfo;
import dev.crossbench.ui.workspace.SearchOutcome;
import dev.crossbench.ui.workspace.SearchRequest;

/**
 * One query: the bi-encoder's top K from the open index (built first when the corpus or model
 * changed) and, with a cross-encoder chosen, the same K reranked.
 */
public final class SearchTask extends WorkbenchTask<SearchOutcome> {
    private final SearchSession session;
    private final SearchRequest request;

    public SearchTask(SearchSession session, SearchRequest request) {
        super("Search \"" + Formats.clip(request.query(), 40) + "\"");
        this.session = session;
        this.request = request;
    }

    @Override
    protected SearchOutcome call() {
        SearchService service = session.index(request.corpus(), request.model(),
                new PhaseProgress("", this::updateMessage, this::updateProgress, 0, 1), this::isCancelled);
        Reranker reranker = null;
        if (request.crossEncoder() != null) {
            updateMessage("loading " + request.crossEncoder());
            reranker = session.reranker(request.crossEncoder(), request.crossSpec());
        }
        updateMessage(reranker == null ? "searching" : "searching and reranking " + request.k() + " candidates");
        TwoStageResult result = service.search(request.query(), request.k(), reranker);
        return new SearchOutcome(request, result, SearchIndexInfo.of(request.corpus(), request.model(), service.indexed()));
    }
}

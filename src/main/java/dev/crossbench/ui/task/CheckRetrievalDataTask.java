package dev.crossbench.ui.task;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QuerySet;
import dev.crossbench.ui.workspace.RetrievalCheck;

/** Checks that the loaded corpus, queries and qrels fit together (ids in common, unknown ids). */
public final class CheckRetrievalDataTask extends WorkbenchTask<RetrievalCheck> {
    private final Corpus corpus;
    private final QuerySet queries;
    private final Qrels qrels;

    public CheckRetrievalDataTask(Corpus corpus, QuerySet queries, Qrels qrels) {
        super("Check corpus, queries and qrels");
        this.corpus = corpus;
        this.queries = queries;
        this.qrels = qrels;
    }

    @Override
    protected RetrievalCheck call() {
        return RetrievalCheck.of(corpus, queries, qrels);
    }
}

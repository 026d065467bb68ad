package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QrelsReader;
import dev.crossbench.data.QueriesReader;
import dev.crossbench.data.QuerySet;
import dev.crossbench.data.RetrievalDataCheck;
import java.nio.file.Path;

/** A retrieval test collection read from disk and checked: corpus, queries, qrels and what the check found. */
public record RetrievalData(Corpus corpus, QuerySet queries, Qrels qrels, RetrievalDataCheck.Report report) {

    public static RetrievalData read(Path corpus, Path queries, Path qrels) {
        Corpus c = CorpusReader.read(corpus);
        QuerySet q = QueriesReader.read(queries);
        Qrels r = QrelsReader.read(qrels);
        return new RetrievalData(c, q, r, RetrievalDataCheck.check(c, q, r));
    }

    /** The queries that have judgements, in file order: the ones evaluated. */
    public QuerySet judgedQueries() {
        return queries.filter(q -> qrels.hasJudgements(q.id()));
    }
}

package dev.crossbench.ui.workspace;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.DataFormatException;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QuerySet;
import dev.crossbench.data.RetrievalDataCheck;
import java.util.List;

/**
 * What {@link RetrievalDataCheck} found for one corpus, query set and qrels: its report, or the
 * reason they cannot be evaluated together (no query id in common). Keeps the three it checked,
 * so a check that finishes after one of them was replaced can be recognised as stale.
 */
public record RetrievalCheck(Corpus corpus, QuerySet queries, Qrels qrels, RetrievalDataCheck.Report report, String error) {

    public static RetrievalCheck of(Corpus corpus, QuerySet queries, Qrels qrels) {
        try {
            return new RetrievalCheck(corpus, queries, qrels, RetrievalDataCheck.check(corpus, queries, qrels), null);
        } catch (DataFormatException e) {
            return new RetrievalCheck(corpus, queries, qrels, null, e.getMessage());
        }
    }

    public boolean isUsable() {
        return report != null;
    }

    public List<String> warnings() {
        return report == null ? List.of() : report.warnings();
    }

    public boolean checks(Corpus c, QuerySet q, Qrels r) {
        return corpus == c && queries == q && qrels == r;
    }
}

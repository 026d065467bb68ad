package dev.crossbench.ui.export;

import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.data.PairDataset;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.ui.workspace.DedupOutcome;
import dev.crossbench.ui.workspace.EnvironmentInfo;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RetrievalComparison;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.TimingRow;
import dev.crossbench.ui.workspace.Workspace;
import java.util.List;

/**
 * The workspace's state frozen on the FX thread, so exports can render and write it on a
 * background thread while the user goes on working. Fields are null/empty when not there yet.
 */
public record ExportSnapshot(PairDataset pairs, PairComparison comparison, List<ModelSpec> models,
        List<TimingRow> timings, List<RunRecord> history, EnvironmentInfo environment, RetrievalComparison retrieval,
        Decision decision, DedupOutcome dedup, AcceptRule dedupRule) {

    /** Without a Dedup result. */
    public ExportSnapshot(PairDataset pairs, PairComparison comparison, List<ModelSpec> models, List<TimingRow> timings,
            List<RunRecord> history, EnvironmentInfo environment, RetrievalComparison retrieval, Decision decision) {
        this(pairs, comparison, models, timings, history, environment, retrieval, decision, null, null);
    }

    /** Without a Decide result. */
    public ExportSnapshot(PairDataset pairs, PairComparison comparison, List<ModelSpec> models, List<TimingRow> timings,
            List<RunRecord> history, EnvironmentInfo environment, RetrievalComparison retrieval) {
        this(pairs, comparison, models, timings, history, environment, retrieval, null);
    }

    /** Without a retrieval evaluation. */
    public ExportSnapshot(PairDataset pairs, PairComparison comparison, List<ModelSpec> models, List<TimingRow> timings,
            List<RunRecord> history, EnvironmentInfo environment) {
        this(pairs, comparison, models, timings, history, environment, null);
    }

    public static ExportSnapshot of(Workspace w) {
        List<ModelSpec> models = w.models().stream().map(m -> m.spec()).toList();
        return new ExportSnapshot(w.pairs(), w.comparison(), models, List.copyOf(w.timings()), List.copyOf(w.history()),
                w.environment(), w.retrieval(), w.decision(), w.dedupRule() == null ? null : w.dedup(), w.dedupRule());
    }

    /** Only the retrieval evaluation, for the report's retrieval section. */
    static ExportSnapshot retrievalOnly(RetrievalComparison r) {
        return new ExportSnapshot(null, null, List.of(), List.of(), List.of(), null, r);
    }

    public boolean isEmpty() {
        return pairs == null && comparison == null && timings.isEmpty() && retrieval == null && decision == null
                && dedup == null;
    }
}

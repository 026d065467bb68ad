package dev.crossbench.ui.settings;

import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.TimingRow;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the workbench puts back after a restart (besides the window and chosen models, which
 * {@link WorkbenchPrefs} keeps): the loaded files, each on its own, the pair comparison, the
 * timings and the run history. Any file may be null (not loaded).
 */
public record SavedSession(int version, SavedFile pairs, SavedFile corpus, SavedFile queries, SavedFile qrels,
        SavedComparison comparison, List<TimingRow> timings, List<RunRecord> history) {
    /** Bumped when the shape changes incompatibly; an older file is then ignored (with a note). */
    public static final int VERSION = 1;
    public static final SavedSession EMPTY = new SavedSession(VERSION, null, null, null, null, null, List.of(), List.of());

    public SavedSession {
        timings = timings == null ? List.of() : List.copyOf(timings);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The pair comparison: when it finished, on how many pairs, and each model's result. */
    public record SavedComparison(LocalDateTime finishedAt, int pairs, List<SavedModelResult> models) {}

    public boolean isEmpty() {
        return pairs == null && corpus == null && queries == null && qrels == null && comparison == null
                && timings.isEmpty() && history.isEmpty();
    }
}

package dev.crossbench.ui.actions;

import dev.crossbench.train.TrainingSummary;
import dev.crossbench.ui.task.Problems;
import dev.crossbench.ui.task.TrainModelTask;
import dev.crossbench.ui.workspace.TrainingRun;
import java.util.Locale;

/** The sentence the Training view shows when a run has ended: what was kept, and where. */
public final class TrainingOutcome {
    private TrainingOutcome() {}

    public static String describe(TrainModelTask task, TrainingRun run) {
        TrainingSummary s = task.summary();
        return switch (task.getState()) {
            case SUCCEEDED -> String.format(Locale.ROOT, "Done: best epoch %d of %d (dev Spearman %.4f) saved to %s; added to the"
                    + " models as a %s, ticked for the next comparison.", s.bestEpoch(), s.epochs().size(), s.bestDevSpearman(),
                    s.output(), run.kind().label());
            case CANCELLED -> cancelled(s);
            default -> "Failed: " + (task.getException() == null ? "unknown error" : Problems.userMessage(task.getException()));
        };
    }

    private static String cancelled(TrainingSummary s) {
        if (s == null) {
            return "Cancelled before training started: nothing was saved.";
        }
        if (s.bestEpoch() == 0) {
            return "Cancelled during epoch " + (s.epochs().size() + 1) + ": nothing was saved (a checkpoint is written,"
                    + " whole, only when an epoch ends).";
        }
        return String.format(Locale.ROOT, "Cancelled: the best checkpoint so far (epoch %d, dev Spearman %.4f) stays in %s.",
                s.bestEpoch(), s.bestDevSpearman(), s.output());
    }
}

package dev.crossbench.ui.task;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.TaskProgress;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A retrieval service's phases (encode corpus, build HNSW, queries) as one task's message and
 * progress bar: step {@code step} of {@code steps} (one per model), and inside it encoding takes
 * the first 80%, the index the next 10% and the queries the rest (encoding dominates).
 */
final class PhaseProgress implements TaskProgress {
    /** Task.updateProgress, which a task can pass as a method reference. */
    interface Bar {
        void update(double done, double total);
    }

    private final String prefix;
    private final Consumer<String> message;
    private final Bar bar;
    private final int step;
    private final int steps;

    PhaseProgress(String prefix, Consumer<String> message, Bar bar, int step, int steps) {
        this.prefix = prefix;
        this.message = message;
        this.bar = bar;
        this.step = step;
        this.steps = steps;
    }

    @Override
    public void update(String phase, long done, long total) {
        double fraction = total > 0 ? (double) done / total : 0;
        double within = switch (phase) {
            case CorpusIndexer.ENCODE_PHASE -> 0.8 * fraction;
            case CorpusIndexer.INDEX_PHASE -> 0.8 + 0.1 * fraction;
            case RetrievalEvaluationService.QUERY_PHASE -> 0.9 + 0.1 * fraction;
            default -> fraction;
        };
        bar.update(step + within, steps);
        message.accept(String.format(Locale.ROOT, "%s%s: %,d of %,d", prefix, phase, done, total));
    }
}

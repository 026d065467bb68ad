package dev.crossbench.ui.task;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.ui.common.Formats;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A retrieval service's phases (encode corpus, build HNSW, queries) as one task's message and
 * progress bar: step {@code step} of {@code steps} (one per model), and inside it encoding takes
 * the first 80%, the index the next 10% and the queries the rest (encoding dominates). Once a phase
 * has run a second, the message adds its rate and the time it has left at that rate.
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
    private final LongSupplier nanoTime;
    private String phase;
    private long phaseStartNanos;
    private long phaseStartDone;

    PhaseProgress(String prefix, Consumer<String> message, Bar bar, int step, int steps) {
        this(prefix, message, bar, step, steps, System::nanoTime);
    }

    PhaseProgress(String prefix, Consumer<String> message, Bar bar, int step, int steps, LongSupplier nanoTime) {
        this.prefix = prefix;
        this.message = message;
        this.bar = bar;
        this.step = step;
        this.steps = steps;
        this.nanoTime = nanoTime;
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
        long now = nanoTime.getAsLong();
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            phaseStartNanos = now;
            phaseStartDone = done;
        }
        String text = String.format(Locale.ROOT, "%s%s: %,d of %,d", prefix, phase, done, total);
        double seconds = (now - phaseStartNanos) / 1e9;
        if (seconds >= 1 && done > phaseStartDone && done < total) {
            double rate = (done - phaseStartDone) / seconds;
            text += " · " + Formats.rate(rate) + "/s · " + Formats.duration((total - done) / rate) + " left";
        }
        message.accept(text);
    }
}

package dev.crossbench.cli;

import dev.crossbench.app.TaskProgress;
import java.io.PrintWriter;

/** One progress bar per phase of a long command, replaced when the phase changes. */
final class PhaseProgress implements TaskProgress {
    private final PrintWriter err;
    private String phase;
    private ProgressBar bar;

    PhaseProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String newPhase, long done, long total) {
        if (!newPhase.equals(phase)) {
            done();
            phase = newPhase;
            bar = new ProgressBar(err, newPhase);
        }
        bar.update(done, total);
    }

    synchronized void done() {
        if (bar != null) {
            bar.done();
            bar = null;
            phase = null;
        }
    }
}

package dev.crossbench.cli;

import java.io.PrintWriter;

/** A one-line progress bar on the terminal's error stream, redrawn at most every 200 ms. */
final class ProgressBar {
    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total) {
        update(done, total, "");
    }

    void update(long done, long total, String extra) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double frac = total == 0 ? 1 : (double) done / total;
        int width = 30;
        int filled = (int) Math.round(frac * width);
        double elapsed = (now - start) / 1e9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
        err.printf("\r%s [%s%s] %d/%d %.0f%% %.1fs eta %.0fs %s ", label, "#".repeat(filled), ".".repeat(width - filled),
                done, total, frac * 100, elapsed, eta, extra);
        err.flush();
    }

    void done() {
        err.print("\r" + " ".repeat(80) + "\r");
        err.flush();
    }
}

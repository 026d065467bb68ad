package dev.crossbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress on the error stream. On a terminal: one line redrawn with {@code \r} at most every 200 ms.
 * Anywhere else (a log file, a pipe, a test): no redraws, which would fill a log with carriage returns, but
 * a plain line every {@value #PLAIN_EVERY_SECONDS} s and one at the end.
 */
final class ProgressBar {
    static final int PLAIN_EVERY_SECONDS = 10;

    /** Whether the process's stderr is a terminal; set by the CLI's main entry, false for in-process runs. */
    static volatile boolean redraw;
    /** A redrawn line is on screen without its line end: an error must start on a fresh line. */
    private static volatile int openLineLength;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean finished;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.lastDraw = redraw ? 0 : start;
    }

    void update(long done, long total) {
        update(done, total, "");
    }

    void update(long done, long total, String extra) {
        long now = System.nanoTime();
        long every = redraw ? 200_000_000L : PLAIN_EVERY_SECONDS * 1_000_000_000L;
        boolean last = done >= total;
        if (!last && now - lastDraw < every || last && finished) {
            return;
        }
        lastDraw = now;
        finished = last;
        double frac = total == 0 ? 1 : (double) done / total;
        double elapsed = (now - start) / 1e9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
        String stats = String.format("%d/%d %.0f%% %.1fs eta %.0fs %s", done, total, frac * 100, elapsed, eta, extra).strip();
        if (redraw) {
            int width = 30;
            int filled = (int) Math.round(frac * width);
            String line = String.format("%s [%s%s] %s ", label, "#".repeat(filled), ".".repeat(width - filled), stats);
            err.print("\r" + line);
            openLineLength = Math.max(openLineLength, line.length());
        } else {
            err.println(label + ": " + stats);
        }
        err.flush();
    }

    void done() {
        clearLine(err);
    }

    /** Wipes a redrawn bar, so what follows (a table, an error) starts on a clean line. */
    static void clearLine(PrintWriter err) {
        if (openLineLength > 0) {
            err.print("\r" + " ".repeat(openLineLength) + "\r");
            err.flush();
            openLineLength = 0;
        }
    }

    /** True when file descriptor 2 is a terminal (Linux: /proc/self/fd/2 points at a tty or pts device). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}

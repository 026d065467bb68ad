package dev.crossbench.model.hub;

import java.util.function.BooleanSupplier;

/** Checks the caller's cancel flag and thread interruption between chunks and while waiting. */
final class Cancellation {
    private final BooleanSupplier cancelled;
    private final String what;

    Cancellation(BooleanSupplier cancelled, String what) {
        this.cancelled = cancelled;
        this.what = what;
    }

    boolean isCancelled() {
        // isInterrupted, not interrupted(): the flag stays set for the caller's own checks.
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    void check() {
        if (isCancelled()) {
            throw cancelledException();
        }
    }

    /** For an InterruptedException caught while waiting: keeps the interrupt and reports the cancel. */
    DownloadCancelledException interrupted() {
        Thread.currentThread().interrupt();
        return cancelledException();
    }

    DownloadCancelledException cancelledException() {
        return new DownloadCancelledException("download of " + what + " cancelled; run again to resume");
    }
}

package dev.crossbench.model;

/** Progress of a long encode, reported after each batch; the GUI and CLI both implement it. */
@FunctionalInterface
public interface EncodeProgress {
    EncodeProgress NONE = (done, total) -> {};

    void onProgress(int textsDone, int textsTotal);
}

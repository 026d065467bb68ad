package dev.crossbench.app;

/** Progress of a long use case, phase by phase ("encode corpus", "build HNSW", "queries"...). */
@FunctionalInterface
public interface TaskProgress {
    TaskProgress NONE = (phase, done, total) -> { };

    void update(String phase, long done, long total);
}

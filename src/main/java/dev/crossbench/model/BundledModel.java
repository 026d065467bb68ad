package dev.crossbench.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Cross-encoders trained by this project and shipped in {@code assets/models/<name>/} as the
 * difference from a built-in base model (everything but the frozen word-embedding matrix, in
 * fp16). They are assembled into a full Hugging Face folder in the cache on first use.
 */
public enum BundledModel {
    RERANKER("crossbench-reranker-MiniLM-L6", Task.RERANKER, BuiltinModel.ALL_MINILM_L6_V2),
    PAIR_SCORER("crossbench-pair-scorer-bge-small", Task.PAIR_SCORER, BuiltinModel.BGE_SMALL_EN_V15);

    /** What a bundled cross-encoder was trained for. */
    public enum Task {
        /** Query -> passage relevance: reorders a bi-encoder's candidates. */
        RERANKER("passage reranker"),
        /** Graded similarity of two texts (STS scale). */
        PAIR_SCORER("pair scorer");

        private final String label;

        Task(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String displayName;
    private final Task task;
    private final BuiltinModel base;

    BundledModel(String displayName, Task task, BuiltinModel base) {
        this.displayName = displayName;
        this.task = task;
        this.base = base;
    }

    public static Optional<BundledModel> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (BundledModel m : values()) {
            if (m.displayName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The first available bundled model for a task, if its files are on the classpath. */
    public static Optional<BundledModel> forTask(Task task) {
        for (BundledModel m : values()) {
            if (m.task == task && m.isAvailable()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public String displayName() {
        return displayName;
    }

    public Task task() {
        return task;
    }

    public BuiltinModel base() {
        return base;
    }

    /** Classpath folder of its files (the project's {@code assets/models/<name>/}, packaged as resources). */
    public String resourceFolder() {
        return "assets/models/" + displayName + "/";
    }

    public boolean isAvailable() {
        return BundledModel.class.getClassLoader().getResource(resourceFolder() + "bundle.json") != null;
    }
}

package dev.crossbench.index;

/** How corpus embeddings were obtained. */
public enum CacheOutcome {
    /** Read from a verified cache file: no encoding. */
    HIT,
    /** Encoded from scratch (no cache yet). */
    ENCODED,
    /** An interrupted encode was continued: finished chunks were reused. */
    RESUMED,
    /** A cache file failed verification (truncated, corrupted, mismatched) and was rebuilt. */
    REBUILT,
    /** Encoded but not cached: the cache folder cannot be written (e.g. a read-only CROSSBENCH_HOME). */
    UNCACHED
}

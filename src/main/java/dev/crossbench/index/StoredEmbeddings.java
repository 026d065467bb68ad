package dev.crossbench.index;

import java.nio.file.Path;

/**
 * Corpus embeddings and how they were obtained.
 *
 * @param note why a cache was rebuilt, or "" when nothing was wrong
 * @param encodeNanos time spent encoding in this call (0 on a cache hit)
 * @param loadNanos time spent reading and verifying the cache file (or writing it)
 */
public record StoredEmbeddings(EmbeddingMatrix matrix, Path file, String dataSha256, CacheOutcome outcome, String note,
        int chunksReused, int chunksEncoded, long encodeNanos, long loadNanos) {}

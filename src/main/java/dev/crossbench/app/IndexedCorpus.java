package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.index.StoredEmbeddings;
import dev.crossbench.index.VectorIndex;
import java.util.List;

/**
 * A corpus ready to search: the texts as the models read them, their embeddings (with how they were
 * obtained) and the index over them.
 *
 * @param indexNanos time to build the index, or to load it from disk when {@code indexFromDisk}
 */
public record IndexedCorpus(Corpus corpus, DocumentFormat format, List<String> texts, StoredEmbeddings embeddings,
        VectorIndex index, long indexNanos, boolean indexFromDisk) {}

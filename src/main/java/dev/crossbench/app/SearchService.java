package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.QueryEncoder;
import dev.crossbench.search.Reranker;
import dev.crossbench.search.TwoStageResult;
import dev.crossbench.search.TwoStageSearch;
import java.util.function.BooleanSupplier;

/**
 * Interactive search over one corpus: index it once (through the embedding cache), then answer queries
 * with the bi-encoder alone or with reranking. The workbench keeps one per loaded corpus.
 */
public final class SearchService {
    private final IndexedCorpus indexed;
    private final QueryEncoder queryEncoder;
    private final TwoStageSearch search;

    private SearchService(IndexedCorpus indexed, QueryEncoder queryEncoder, TwoStageSearch search) {
        this.indexed = indexed;
        this.queryEncoder = queryEncoder;
        this.search = search;
    }

    /** @param reranker the second stage, or null */
    public static SearchService open(CorpusIndexer indexer, Corpus corpus, DocumentFormat format, BiEncoder bi,
            Reranker reranker, IndexChoice index, TaskProgress progress, BooleanSupplier cancelled) {
        IndexedCorpus ic = indexer.index(corpus, format, bi, index, progress, cancelled);
        QueryEncoder queries = CorpusIndexer.queryEncoder(bi);
        return new SearchService(ic, queries, new TwoStageSearch(queries, ic.index(), corpus, ic.texts(), reranker));
    }

    public IndexedCorpus indexed() {
        return indexed;
    }

    /** The bi-encoder's top {@code k} and, with a reranker, the same k reordered. */
    public TwoStageResult search(String query, int k) {
        requireQuery(query);
        return search.search(query, k, null);
    }

    /**
     * As {@link #search(String, int)} with {@code reranker} (null for none) as the second stage instead of
     * the one given at open: the workbench keeps one index per corpus and bi-encoder while the user
     * switches cross-encoders.
     */
    public TwoStageResult search(String query, int k, Reranker reranker) {
        requireQuery(query);
        return new TwoStageSearch(queryEncoder, indexed.index(), indexed.corpus(), indexed.texts(), reranker).search(query, k, null);
    }

    private static void requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
    }

    public String documentText(int row) {
        return search.documentText(row);
    }
}

package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.search.Reranker;
import java.util.function.BooleanSupplier;

/**
 * What the Search view keeps open between queries: the index of the loaded corpus for one
 * bi-encoder (with that encoder, which encodes the queries) and the chosen cross-encoder. Either
 * is replaced, and the old one closed, when the corpus, the model or its options change.
 *
 * <p>Used only from background tasks, which run one at a time on the one worker thread, so it
 * needs no locking; the FX thread never touches it.
 */
public final class SearchSession implements AutoCloseable {
    private record OpenIndex(Corpus corpus, ModelSpec spec, BiEncoder encoder, SearchService service) {}

    private final ModelService models;
    private final CorpusIndexer indexer;
    private OpenIndex index;
    /** What the open cross-encoder was opened from: its chosen options, else its reference. */
    private Object crossKey;
    private CrossEncoder cross;

    public SearchSession(ModelService models, CorpusIndexer indexer) {
        this.models = models;
        this.indexer = indexer;
    }

    /** The index for this corpus and model, built (corpus encoded through the embedding cache) when it is not the open one. */
    public SearchService index(Corpus corpus, ModelSpec spec, TaskProgress progress, BooleanSupplier cancelled) {
        if (index != null && index.corpus() == corpus && index.spec().equals(spec)) {
            return index.service();
        }
        // The old index stays usable until the new one is built: a failed or cancelled build keeps it.
        BiEncoder encoder = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options());
        try {
            SearchService service = SearchService.open(indexer, corpus, DocumentFormat.TITLE_AND_TEXT, encoder, null,
                    IndexChoice.EXACT, progress, cancelled);
            closeIndex();
            index = new OpenIndex(corpus, spec, encoder, service);
            return service;
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /**
     * The cross-encoder as a reranker (opened on first use, kept while it and its options stay
     * chosen), or null for none.
     *
     * @param chosen its options when it is a model chosen in the Models view, else null
     */
    public Reranker reranker(String reference, ModelSpec chosen) {
        if (reference == null) {
            return null;
        }
        Object key = chosen != null ? chosen : reference;
        if (!key.equals(crossKey)) {
            closeCross();
            cross = RerankerOpener.open(models, reference, chosen);
            crossKey = key;
        }
        return new CrossEncoderReranker(cross);
    }

    private void closeIndex() {
        if (index != null) {
            index.encoder().close();
            index = null;
        }
    }

    private void closeCross() {
        if (cross != null) {
            cross.close();
            cross = null;
            crossKey = null;
        }
    }

    @Override
    public void close() {
        closeIndex();
        closeCross();
    }
}

package dev.crossbench.ui.search;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.IndexChoice;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.SearchService;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.search.Reranker;
import dev.crossbench.ui.workspace.ModelSpec;
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
    /** Pairs scored per forward pass, as the CLI's default. */
    private static final int CROSS_BATCH = 32;

    private record OpenIndex(Corpus corpus, ModelSpec spec, BiEncoder encoder, SearchService service) {}

    private final ModelService models;
    private final CorpusIndexer indexer;
    private OpenIndex index;
    private String crossReference;
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
        closeIndex();
        BiEncoder encoder = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options());
        try {
            SearchService service = SearchService.open(indexer, corpus, DocumentFormat.TITLE_AND_TEXT, encoder, null,
                    IndexChoice.EXACT, progress, cancelled);
            index = new OpenIndex(corpus, spec, encoder, service);
            return service;
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** The cross-encoder as a reranker (opened on first use, kept while it stays chosen), or null for none. */
    public Reranker reranker(String reference) {
        if (reference == null) {
            return null;
        }
        if (!reference.equals(crossReference)) {
            closeCross();
            cross = models.openCrossEncoder(reference, EngineChoice.AUTO, CROSS_BATCH, ScoreActivation.SIGMOID, null);
            crossReference = reference;
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
            crossReference = null;
        }
    }

    @Override
    public void close() {
        closeIndex();
        closeCross();
    }
}

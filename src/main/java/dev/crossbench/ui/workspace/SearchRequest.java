package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.Corpus;
import java.util.Map;

/**
 * One search as the view asked for it, frozen on the FX thread.
 *
 * @param queryId the loaded query whose text this is, or null (then nothing is marked judged)
 * @param judgements that query's judged documents and grades; empty without qrels
 * @param crossEncoder the reranker's folder or hub id, or null for the bi-encoder alone
 * @param crossSpec the reranker's options when it is a model chosen in the Models view, else null
 */
public record SearchRequest(String query, String queryId, Map<String, Integer> judgements, int k, Corpus corpus,
        ModelSpec model, String crossEncoder, ModelSpec crossSpec) {
    public SearchRequest {
        judgements = Map.copyOf(judgements);
    }

    public SearchRequest(String query, String queryId, Map<String, Integer> judgements, int k, Corpus corpus, ModelSpec model,
            String crossEncoder) {
        this(query, queryId, judgements, k, corpus, model, crossEncoder, null);
    }

    public SearchRequest withCrossSpec(ModelSpec spec) {
        return new SearchRequest(query, queryId, judgements, k, corpus, model, crossEncoder, spec);
    }
}

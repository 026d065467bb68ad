package dev.crossbench.ui.task;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RerankerOpener;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates retrieval with each bi-encoder through {@link RetrievalEvaluationService} (the service
 * the CLI's eval-retrieval uses, so the numbers are the same): alone and, with a cross-encoder,
 * reranking its top K, with the sweep over rerank depths.
 */
public final class RetrievalEvaluationTask extends WorkbenchTask<RetrievalComparison> {

    private final RetrievalData data;
    private final List<ModelSpec> specs;
    private final String crossEncoder;
    private final ModelSpec crossSpec;
    private final RetrievalSettings settings;
    private final ModelService models;
    private final RetrievalEvaluationService service;

    /**
     * @param crossEncoder a folder or hub id, or null for the bi-encoders alone
     * @param crossSpec its options when it is a model chosen in the Models view, else null
     */
    public RetrievalEvaluationTask(RetrievalData data, List<ModelSpec> specs, String crossEncoder, ModelSpec crossSpec,
            RetrievalSettings settings, ModelService models, CorpusIndexer indexer) {
        super("Evaluate retrieval: " + specs.size() + (specs.size() == 1 ? " bi-encoder" : " bi-encoders")
                + (crossEncoder == null ? "" : " + " + crossEncoder) + " on " + data.judgedQueries().size() + " queries");
        this.data = data;
        this.specs = List.copyOf(specs);
        this.crossEncoder = crossEncoder;
        this.crossSpec = crossSpec;
        this.settings = settings;
        this.models = models;
        this.service = new RetrievalEvaluationService(indexer);
    }

    @Override
    protected RetrievalComparison call() {
        List<RetrievalEvaluation> results = new ArrayList<>();
        CrossEncoder cross = null;
        try {
            if (crossEncoder != null) {
                updateMessage("loading " + crossEncoder);
                cross = RerankerOpener.open(models, crossEncoder, crossSpec);
            }
            for (int i = 0; i < specs.size(); i++) {
                ModelSpec spec = specs.get(i);
                updateMessage("loading " + spec.name());
                try (BiEncoder bi = models.openBiEncoder(spec.descriptor(), spec.engine(), spec.options())) {
                    PhaseProgress progress = new PhaseProgress(spec.name() + ", ", this::updateMessage, this::updateProgress, i,
                            specs.size());
                    results.add(service.evaluate(data, bi, cross == null ? null : new CrossEncoderReranker(cross), settings,
                            progress, this::isCancelled));
                }
            }
        } finally {
            if (cross != null) {
                cross.close();
            }
        }
        return new RetrievalComparison(results, data.queries(), settings.rerankDepth(), settings.sweep(), LocalDateTime.now());
    }
}

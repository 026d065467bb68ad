package dev.crossbench.ui.task;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RerankerOpener;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.decide.DecideService;
import dev.crossbench.app.decide.DecideSettings;
import dev.crossbench.app.decide.Decision;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link DecideService} (the service behind {@code crossbench decide}) with the ticked bi-encoders and the
 * chosen cross-encoder; progress is the measurement in hand (stage of stages) and its own count.
 */
public final class DecideTask extends WorkbenchTask<Decision> {
    private final RetrievalData data;
    private final List<ModelSpec> specs;
    private final String crossEncoder;
    private final ModelSpec crossSpec;
    private final DecideSettings settings;
    private final ModelService models;
    private final DecideService service;

    /**
     * @param crossEncoder a bundled name, folder or hub id, or null for the bi-encoders alone
     * @param crossSpec its options when it is a model chosen in the Models view, else null
     */
    public DecideTask(RetrievalData data, List<ModelSpec> specs, String crossEncoder, ModelSpec crossSpec, DecideSettings settings,
            ModelService models, CorpusIndexer indexer) {
        super("Decide: " + String.join(", ", specs.stream().map(ModelSpec::name).toList())
                + (crossEncoder == null ? "" : " + " + crossEncoder) + ", budgets " + settings.budgets());
        this.data = data;
        this.specs = List.copyOf(specs);
        this.crossEncoder = crossEncoder;
        this.crossSpec = crossSpec;
        this.settings = settings;
        this.models = models;
        this.service = new DecideService(indexer);
    }

    @Override
    protected Decision call() {
        List<BiEncoder> bis = new ArrayList<>();
        List<CrossEncoder> crosses = new ArrayList<>();
        try {
            for (ModelSpec s : specs) {
                updateMessage("loading " + s.name());
                bis.add(models.openBiEncoder(s.descriptor(), s.engine(), s.options()));
            }
            if (crossEncoder != null) {
                updateMessage("loading " + crossEncoder);
                crosses.add(RerankerOpener.open(models, crossEncoder, crossSpec));
            }
            return service.decide(data, bis, crosses, settings, (stage, stages, what, done, total) -> {
                updateProgress(stage - 1 + (total > 0 ? (double) done / total : 0), stages);
                updateMessage(String.format(Locale.ROOT, "%d/%d %s: %,d of %,d", stage, stages, what, done, total));
            }, this::isCancelled);
        } finally {
            crosses.forEach(CrossEncoder::close);
            bis.forEach(BiEncoder::close);
        }
    }
}

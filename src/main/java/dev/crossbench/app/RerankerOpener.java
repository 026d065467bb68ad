package dev.crossbench.app;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;

/**
 * Opens the reranker of a search or an evaluation: with the options the Models view holds for it
 * when it is a chosen cross-encoder (engine, max length, batch size, activation: they change the
 * scores), else from its folder or hub id with the CLI's defaults.
 */
public final class RerankerOpener {
    private RerankerOpener() {
    }

    /** @param chosen the chosen model's options, or null when the reference is not a chosen model */
    public static CrossEncoder open(ModelService models, String reference, ModelSpec chosen) {
        if (chosen != null) {
            return models.openCrossEncoder(chosen.descriptor(), chosen.engine(), chosen.options().batchSize(), chosen.activation(),
                    chosen.options().maxSeqLength());
        }
        return models.openCrossEncoder(reference, EngineChoice.AUTO, ModelSpec.CROSS_BATCH_SIZE, ScoreActivation.SIGMOID, null);
    }
}

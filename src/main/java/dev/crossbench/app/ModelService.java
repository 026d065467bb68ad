package dev.crossbench.app;

import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.hub.DownloadListener;
import dev.crossbench.model.load.BiEncoderLoader;

/** Resolves and opens models for the CLI and the workbench alike. */
public final class ModelService {
    private final ModelCatalog catalog;
    private final BiEncoderLoader loader;

    public ModelService(ModelCatalog catalog) {
        this.catalog = catalog;
        this.loader = new BiEncoderLoader(catalog);
    }

    public static ModelService standard() {
        return new ModelService(ModelCatalog.standard());
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public ModelDescriptor resolve(String ref, DownloadListener listener) {
        return catalog.resolve(ref, listener);
    }

    public BiEncoder openBiEncoder(String ref, EngineChoice engine, EncodeOverrides overrides) {
        ModelDescriptor d = catalog.resolve(ref);
        return loader.open(d, engine, overrides.apply(d.defaults()));
    }

    public dev.crossbench.model.cross.CrossEncoder openCrossEncoder(String ref, EngineChoice engine, int batchSize,
            dev.crossbench.model.cross.ScoreActivation activation, Integer maxLength) {
        return new dev.crossbench.model.load.CrossEncoderLoader(catalog).open(ref, engine, batchSize, activation, maxLength);
    }

    /** A resolved cross-encoder, as the workbench holds it; the same loader as the CLI's {@code --cross}. */
    public dev.crossbench.model.cross.CrossEncoder openCrossEncoder(ModelDescriptor d, EngineChoice engine, int batchSize,
            dev.crossbench.model.cross.ScoreActivation activation, Integer maxLength) {
        return new dev.crossbench.model.load.CrossEncoderLoader(catalog).open(d, engine, batchSize, activation, maxLength);
    }

    public BiEncoder openBiEncoder(ModelDescriptor d, EngineChoice engine, EncodeOptions options) {
        return loader.open(d, engine, options);
    }
}

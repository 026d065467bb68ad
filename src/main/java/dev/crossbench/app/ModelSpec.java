package dev.crossbench.app;

import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.cross.ScoreActivation;

/**
 * An immutable snapshot of a chosen model and its options, handed to background work. A
 * cross-encoder uses only the engine, max length and batch size of {@code options}, plus its
 * {@code activation}; a bi-encoder ignores the activation.
 */
public record ModelSpec(ModelKind kind, ModelDescriptor descriptor, EngineChoice engine, EncodeOptions options,
        ScoreActivation activation) {
    /** Cross-encoder batch size when nothing else is chosen (the CLI's default too). */
    public static final int CROSS_BATCH_SIZE = 32;


    /** A bi-encoder. */
    public ModelSpec(ModelDescriptor descriptor, EngineChoice engine, EncodeOptions options) {
        this(ModelKind.BI, descriptor, engine, options, ScoreActivation.SIGMOID);
    }

    public String name() {
        return descriptor.name();
    }

    public boolean isCross() {
        return kind == ModelKind.CROSS;
    }
}

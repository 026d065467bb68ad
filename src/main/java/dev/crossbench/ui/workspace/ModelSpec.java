package dev.crossbench.ui.workspace;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.encode.EncodeOptions;

/** An immutable snapshot of a chosen model and its options, handed to background work. */
public record ModelSpec(ModelDescriptor descriptor, EngineChoice engine, EncodeOptions options) {
    public String name() {
        return descriptor.name();
    }
}

package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelKind;
import dev.crossbench.model.ModelDescriptor;

/**
 * A model found on disk or the hub, with what its folder says about it (read off the FX thread):
 * its kind and, for a cross-encoder, the max length its tokenizer declares.
 */
public record ResolvedModel(ModelDescriptor descriptor, ModelKind kind, int defaultMaxLength) {

    public static ResolvedModel bi(ModelDescriptor d) {
        return new ResolvedModel(d, ModelKind.BI, d.defaults().maxSeqLength());
    }
}

package dev.crossbench.ui.task;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.ui.workspace.ResolvedModel;
import java.util.Locale;

/**
 * Resolves a built-in name, a local folder or a hub id to a model folder: extracting built-in
 * files, checking a folder's layout, or downloading from the hub with byte progress. A folder
 * whose config.json names a sequence-classification architecture is a cross-encoder.
 */
public final class ResolveModelTask extends WorkbenchTask<ResolvedModel> {
    private final ModelService models;
    private final String ref;

    public ResolveModelTask(ModelService models, String ref) {
        super("Prepare model " + ref);
        this.models = models;
        this.ref = ref;
    }

    @Override
    protected ResolvedModel call() {
        updateMessage("resolving " + ref);
        ModelDescriptor d = models.resolve(ref, (file, done, total) -> {
            if (isCancelled()) {
                throw new java.util.concurrent.CancellationException("download cancelled");
            }
            updateMessage(String.format(Locale.ROOT, "downloading %s: %.1f MB%s", file, done / 1e6,
                    total > 0 ? String.format(Locale.ROOT, " of %.1f MB", total / 1e6) : ""));
            if (total > 0) {
                updateProgress(done, total);
            }
        });
        return of(d);
    }

    /** Reads the folder's config and tokenizer settings: call off the FX thread. */
    public static ResolvedModel of(ModelDescriptor d) {
        return CrossEncoderLoader.isCrossEncoder(d) ? new ResolvedModel(d, ModelKind.CROSS, CrossEncoderLoader.defaultMaxLength(d))
                : ResolvedModel.bi(d);
    }
}

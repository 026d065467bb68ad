package dev.crossbench.ui.task;

import dev.crossbench.app.ModelService;
import dev.crossbench.model.ModelDescriptor;
import java.util.Locale;

/**
 * Resolves a built-in name, a local folder or a hub id to a model folder: extracting built-in
 * files, checking a folder's layout, or downloading from the hub with byte progress.
 */
public final class ResolveModelTask extends WorkbenchTask<ModelDescriptor> {
    private final ModelService models;
    private final String ref;

    public ResolveModelTask(ModelService models, String ref) {
        super("Prepare model " + ref);
        this.models = models;
        this.ref = ref;
    }

    @Override
    protected ModelDescriptor call() {
        updateMessage("resolving " + ref);
        return models.resolve(ref, (file, done, total) -> {
            if (isCancelled()) {
                throw new java.util.concurrent.CancellationException("download cancelled");
            }
            updateMessage(String.format(Locale.ROOT, "downloading %s: %.1f MB%s", file, done / 1e6,
                    total > 0 ? String.format(Locale.ROOT, " of %.1f MB", total / 1e6) : ""));
            if (total > 0) {
                updateProgress(done, total);
            }
        });
    }
}

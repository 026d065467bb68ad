package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelKind;
import java.nio.file.Path;

/** A model trained in this session: where it was saved and how well it did on the dev pairs. */
public record TrainedModel(String name, ModelKind kind, Path folder, int bestEpoch, double bestDevSpearman) {

    @Override
    public String toString() {
        return name + " · " + kind.label() + " · dev ρ " + String.format(java.util.Locale.ROOT, "%.4f", bestDevSpearman);
    }
}

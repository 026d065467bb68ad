package dev.crossbench.ui.task;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.TrainingService;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.model.ModelSource;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import dev.crossbench.ui.workspace.ResolvedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fine-tunes a model through {@link TrainingService} (as {@code crossbench train}); Cancel reaches
 * the trainer through its cancelled check between steps, and the best epoch saved so far stays.
 * On success the saved folder is resolved like any added model, so it can join the workspace.
 */
public final class TrainModelTask extends WorkbenchTask<TrainModelTask.Trained> {
    /** The run's summary and the saved model, ready to be chosen. */
    public record Trained(TrainingSummary summary, ResolvedModel model) {}

    private final ModelService models;
    private final ModelKind kind;
    private final String base;
    private final Path trainFile;
    private final Path devFile;
    private final TrainingOptions options;
    private final Path output;
    private final TrainingProgressListener listener;
    private volatile TrainingSummary summary;

    public TrainModelTask(ModelService models, ModelKind kind, String base, Path trainFile, Path devFile, TrainingOptions options,
            Path output, TrainingProgressListener listener) {
        super("Train a " + kind.label() + " from " + base);
        this.models = models;
        this.kind = kind;
        this.base = base;
        this.trainFile = trainFile;
        this.devFile = devFile;
        this.options = options;
        this.output = output;
        this.listener = listener;
    }

    @Override
    protected Trained call() {
        refuseNonEmpty(output);
        updateMessage("reading pairs and loading " + base);
        TrainingProgressListener progress = new TrainingProgressListener() {
            @Override
            public void onStep(StepProgress s) {
                listener.onStep(s);
                updateProgress(s.step(), s.totalSteps());
                updateMessage(String.format(Locale.ROOT, "training: epoch %d of %d, step %d of %d, loss %.4f", s.epoch(),
                        options.epochs(), s.step(), s.totalSteps(), s.loss()));
            }

            @Override
            public void onEpoch(EpochResult e) {
                listener.onEpoch(e);
                updateMessage(String.format(Locale.ROOT, "epoch %d: dev Spearman %.4f", e.epoch(), e.devSpearman()));
            }
        };
        TrainingService.Kind k = kind == ModelKind.CROSS ? TrainingService.Kind.CROSS : TrainingService.Kind.BI;
        summary = new TrainingService(models.catalog()).train(k, base, trainFile, devFile, options, null, output, false, progress,
                this::isCancelled);
        if (summary.cancelled()) {
            return null; // the task already counts as cancelled; summary() tells what was kept
        }
        updateMessage("opening the trained model");
        ResolvedModel saved = ResolveModelTask.of(models.catalog().folder(output.toAbsolutePath(), ModelSource.LOCAL_FOLDER,
                output.toAbsolutePath().toString()));
        return new Trained(summary, saved);
    }

    /** The summary once the trainer returned (also after a cancel); null when it never got that far. */
    public TrainingSummary summary() {
        return summary;
    }

    /** Checked before loading anything, with the workbench's wording (the trainer's mentions a CLI flag). */
    private static void refuseNonEmpty(Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new CrossbenchException(out + ": the output folder exists and is not empty; choose another folder"
                        + " (or clear the field for a new one under the Crossbench cache)");
            }
        } catch (IOException e) {
            throw new CrossbenchException(out + ": cannot read the output folder (" + e.getMessage() + ")", e);
        }
    }
}

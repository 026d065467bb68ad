package dev.crossbench.ui.actions;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelService;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import dev.crossbench.ui.settings.TrainingSettings;
import dev.crossbench.ui.task.TrainModelTask;
import dev.crossbench.ui.task.WorkbenchTask;
import dev.crossbench.ui.workspace.ResolvedModel;
import dev.crossbench.ui.workspace.TrainedModel;
import dev.crossbench.ui.workspace.TrainingRun;
import dev.crossbench.ui.workspace.Workspace;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Worker;

/**
 * Starts one training run from {@link TrainingSettings}: checks the form, puts a new
 * {@link TrainingRun} in the workspace, follows the task's state into it, and when the worker is
 * done says how the run ended. A finished model is handed to {@code choose}.
 */
final class TrainingLaunch {
    private final UiContext ui;
    private final ModelService models;
    private final Consumer<ResolvedModel> choose;

    TrainingLaunch(UiContext ui, ModelService models, Consumer<ResolvedModel> choose) {
        this.ui = ui;
        this.models = models;
        this.choose = choose;
    }

    Optional<WorkbenchTask<TrainModelTask.Trained>> start(Path trainedRoot) {
        TrainingSettings s = ui.trainingSettings();
        String base = s.baseProperty().get() == null ? "" : s.baseProperty().get().strip();
        TrainingOptions options;
        Path train;
        Path dev;
        try {
            if (base.isEmpty()) {
                throw new IllegalArgumentException("base model: none given (a chosen model, a built-in name, a folder or a hub id)");
            }
            options = s.options();
            train = s.trainPath();
            dev = s.devPath();
        } catch (IllegalArgumentException e) {
            ui.problems().report("Cannot start training", e.getMessage());
            return Optional.empty();
        }
        Path out = s.outputFolder(trainedRoot, LocalDateTime.now());
        ModelKind kind = s.kindProperty().get();
        TrainingRun run = new TrainingRun(kind.label() + " from " + base, kind, out);
        TrainModelTask task = new TrainModelTask(models, kind, referenceFor(base), train, dev, options, out, run.listener());
        task.stateProperty().addListener((o, old, state) -> {
            if (state == Worker.State.RUNNING) {
                run.statusProperty().set(TrainingRun.Status.RUNNING);
            } else if (state == Worker.State.CANCELLED) {
                run.statusProperty().set(TrainingRun.Status.CANCELLING);
            }
        });
        run.setCanceller(() -> task.cancel(false));
        Workspace ws = ui.workspace();
        ws.trainingProperty().set(run);
        ui.problems().dismiss();
        ui.navigation().show(View.TRAINING);
        return Optional.of(ui.tasks().submit(task, trained -> {
            TrainingSummary sum = trained.summary();
            ws.trained().add(new TrainedModel(trained.model().descriptor().name(), kind, out, sum.bestEpoch(), sum.bestDevSpearman()));
            choose.accept(trained.model());
        }, () -> run.finish(endOf(task), TrainingOutcome.describe(task, run))));
    }

    /** A chosen model's name stands for its folder or hub id; anything else is passed on as typed. */
    private String referenceFor(String base) {
        return ui.workspace().models().stream().filter(m -> m.name().equals(base)).findFirst()
                .map(m -> WorkbenchActions.referenceOf(m.descriptor())).orElse(base);
    }

    private static TrainingRun.Status endOf(WorkbenchTask<?> task) {
        return switch (task.getState()) {
            case SUCCEEDED -> TrainingRun.Status.DONE;
            case CANCELLED -> TrainingRun.Status.CANCELLED;
            default -> TrainingRun.Status.FAILED;
        };
    }
}

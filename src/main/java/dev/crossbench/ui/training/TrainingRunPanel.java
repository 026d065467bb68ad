package dev.crossbench.ui.training;

import dev.crossbench.train.TrainingProgressListener.EpochResult;
import dev.crossbench.train.TrainingProgressListener.StepProgress;
import dev.crossbench.ui.charts.ChartImage;
import dev.crossbench.ui.charts.TrainingCharts;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.TrainingRun;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The right side of the Training view for one run. Twice a second it takes what the trainer
 * reported ({@link TrainingRun#drain()}) and redraws the charts once (off the FX thread, through
 * {@link ChartImage}): a redraw per step would be hundreds per second on a GPU.
 */
final class TrainingRunPanel {
    static final Duration REDRAW_EVERY = Duration.millis(500);

    private final Label title;
    private final ProgressBar progress;
    private final Label status;
    private final Label stats;
    /** The newest step shown, so that the line can drop its ETA when the run ends. */
    private StepProgress lastStep;
    private final Label outcome;
    private final StackPane lossHolder;
    private final StackPane devHolder;
    private final TableView<EpochResult> epochs;
    private final Timeline ticker = new Timeline(new KeyFrame(REDRAW_EVERY, e -> refresh()));
    private final ChangeListener<TrainingRun.Status> onStatus = (o, old, s) -> statusChanged();
    private TrainingRun run;
    private ChartImage loss;
    private ChartImage dev;

    TrainingRunPanel(Label title, ProgressBar progress, Label status, Label stats, Label outcome, StackPane lossHolder,
            StackPane devHolder, TableView<EpochResult> epochs) {
        this.title = title;
        this.progress = progress;
        this.status = status;
        this.stats = stats;
        this.outcome = outcome;
        this.lossHolder = lossHolder;
        this.devHolder = devHolder;
        this.epochs = epochs;
        ticker.setCycleCount(Timeline.INDEFINITE);
        buildEpochTable();
    }

    void show(TrainingRun next) {
        if (run != null) {
            run.statusProperty().removeListener(onStatus);
        }
        run = next;
        title.setText("Training a " + next.title() + " → " + next.output());
        progress.setProgress(0);
        lastStep = null;
        stats.setText("Preparing: reading the pairs and loading the base model…");
        loss = new ChartImage(TrainingCharts.loss());
        loss.getStyleClass().add("loss-chart");
        dev = new ChartImage(TrainingCharts.devSpearman());
        dev.getStyleClass().add("dev-chart");
        lossHolder.getChildren().setAll(loss);
        devHolder.getChildren().setAll(dev);
        epochs.setItems(next.epochs());
        next.statusProperty().addListener(onStatus);
        outcome.textProperty().bind(next.outcomeProperty());
        statusChanged();
    }

    private void statusChanged() {
        status.setText(statusText(run.status()));
        if (run.isFinished()) {
            ticker.stop();
            refresh();
            if (lastStep != null) { // an ended run has no time left to estimate: where it stopped, without an ETA
                stats.setText(stepLine(lastStep));
            }
            if (run.status() == TrainingRun.Status.DONE) {
                progress.setProgress(1);
            }
        } else if (ticker.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            ticker.play();
        }
    }

    private static String stepLine(StepProgress p) {
        return String.format(Locale.ROOT, "epoch %d · step %d of %d · loss %.4f · lr %.2e · %s examples/s", p.epoch(), p.step(),
                p.totalSteps(), p.loss(), p.learningRate(), Formats.rate(p.examplesPerSecond()));
    }

    private static String statusText(TrainingRun.Status s) {
        return switch (s) {
            case QUEUED -> "Waiting for the worker";
            case RUNNING -> "Training";
            case CANCELLING -> "Cancelling: stopping after the current step…";
            case CANCELLED -> "Cancelled";
            case DONE -> "Done";
            case FAILED -> "Failed";
        };
    }

    private void refresh() {
        TrainingRun.News news = run.drain();
        if (news.isEmpty()) {
            return;
        }
        if (!news.steps().isEmpty()) {
            var steps = news.steps();
            loss.update(chart -> TrainingCharts.addSteps(chart, steps));
            StepProgress last = steps.get(steps.size() - 1);
            progress.setProgress((double) last.step() / last.totalSteps());
            lastStep = last;
            stats.setText(stepLine(last) + " · ETA " + Formats.duration(last.etaSeconds()));
        }
        if (!news.epochs().isEmpty()) {
            var done = news.epochs();
            dev.update(chart -> TrainingCharts.addEpochs(chart, done));
        }
    }

    private void buildEpochTable() {
        epochs.getColumns().add(column("epoch", e -> Integer.toString(e.epoch()), 60));
        epochs.getColumns().add(column("mean loss", e -> String.format(Locale.ROOT, "%.4f", e.meanLoss()), 90));
        epochs.getColumns().add(column("dev Pearson", e -> Formats.correlation(e.devPearson()), 100));
        epochs.getColumns().add(column("dev Spearman", e -> Formats.correlation(e.devSpearman()), 110));
        epochs.getColumns().add(column("seconds", e -> String.format(Locale.ROOT, "%.1f", e.seconds()), 80));
        epochs.getColumns().add(column("pairs / s", e -> Formats.rate(e.trainExamplesPerSecond()), 80));
        epochs.getColumns().add(column("saved", e -> e.saved() ? "best so far: saved" : "", 140));
        epochs.setPlaceholder(new Label("no epoch finished yet"));
    }

    private static TableColumn<EpochResult, String> column(String title, Function<EpochResult, String> value, double width) {
        TableColumn<EpochResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}

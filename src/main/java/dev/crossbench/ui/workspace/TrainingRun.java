package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelKind;
import dev.crossbench.train.TrainingProgressListener.EpochResult;
import dev.crossbench.train.TrainingProgressListener.StepProgress;
import dev.crossbench.train.TrainingProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One fine-tuning run as the Training view shows it. The trainer reports every step on the
 * worker thread into a lock-free inbox ({@link #listener()}); the view moves what arrived into
 * the observable state with {@link #drain()} at its own pace, so hundreds of steps per second
 * never flood the FX thread.
 */
public final class TrainingRun {
    /** Where the run stands; CANCELLING lasts until the trainer has stopped at its next step. */
    public enum Status { QUEUED, RUNNING, CANCELLING, CANCELLED, DONE, FAILED }

    /** What arrived since the last {@link #drain()}. */
    public record News(List<StepProgress> steps, List<EpochResult> epochs) {
        public boolean isEmpty() {
            return steps.isEmpty() && epochs.isEmpty();
        }
    }

    private final String title;
    private final ModelKind kind;
    private final Path output;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.QUEUED);
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObjectProperty<StepProgress> lastStep = new SimpleObjectProperty<>();
    private final ObservableList<EpochResult> epochs = FXCollections.observableArrayList();
    private Runnable canceller = () -> { };

    public TrainingRun(String title, ModelKind kind, Path output) {
        this.title = title;
        this.kind = kind;
        this.output = output;
    }

    public String title() {
        return title;
    }

    public ModelKind kind() {
        return kind;
    }

    public Path output() {
        return output;
    }

    /** The listener handed to the trainer; safe to call from any thread. */
    public TrainingProgressListener listener() {
        return new TrainingProgressListener() {
            @Override
            public void onStep(StepProgress step) {
                inbox.add(step);
            }

            @Override
            public void onEpoch(EpochResult epoch) {
                inbox.add(epoch);
            }
        };
    }

    /** FX thread: moves what the trainer reported into the observable state and returns it. */
    public News drain() {
        List<StepProgress> newSteps = new ArrayList<>();
        List<EpochResult> newEpochs = new ArrayList<>();
        for (Object o = inbox.poll(); o != null; o = inbox.poll()) {
            if (o instanceof StepProgress s) {
                newSteps.add(s);
            } else if (o instanceof EpochResult e) {
                newEpochs.add(e);
            }
        }
        epochs.addAll(newEpochs);
        if (!newSteps.isEmpty()) {
            lastStep.set(newSteps.get(newSteps.size() - 1));
        }
        return new News(newSteps, newEpochs);
    }

    public ObservableList<EpochResult> epochs() {
        return epochs;
    }

    public ObjectProperty<StepProgress> lastStepProperty() {
        return lastStep;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public Status status() {
        return status.get();
    }

    /** A sentence on how the run ended (empty while it runs). */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    /** What {@link #cancel()} does: cancelling the background task that runs the trainer. */
    public void setCanceller(Runnable canceller) {
        this.canceller = canceller;
    }

    /** Asks the trainer to stop at its next step; the best checkpoint written so far stays. */
    public void cancel() {
        if (!isFinished()) {
            canceller.run();
        }
    }

    public boolean isFinished() {
        Status s = status.get();
        return s == Status.CANCELLED || s == Status.DONE || s == Status.FAILED;
    }

    /** The run has ended; what it reported last is still in the inbox for the next {@link #drain()}. */
    public void finish(Status end, String sentence) {
        outcome.set(sentence);
        status.set(end);
    }
}

package dev.crossbench.train;

/** Progress of a fine-tuning run; the CLI draws a progress bar from it, the GUI live charts. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {};

    default void onStep(StepProgress step) {}

    default void onEpoch(EpochResult epoch) {}

    /** A step's loss, learning rate, throughput and the time left. */
    record StepProgress(int step, int totalSteps, int epoch, double loss, double learningRate, double examplesPerSecond,
            double etaSeconds) {}

    /** Dev metrics after an epoch; {@code saved} when this epoch became the best checkpoint. */
    record EpochResult(int epoch, double meanLoss, double devPearson, double devSpearman, double seconds,
            double trainExamplesPerSecond, boolean saved) {}
}

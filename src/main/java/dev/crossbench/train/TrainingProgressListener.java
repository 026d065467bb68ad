package dev.crossbench.train;

/**
 * Progress of a fine-tuning run; the CLI draws a progress bar from it, the GUI live charts. Named apart from
 * DJL's {@code ai.djl.training.listener.TrainingListener}, which hooks into DJL's own fit loop (not used here).
 */
public interface TrainingProgressListener {
    TrainingProgressListener NONE = new TrainingProgressListener() {};

    default void onStep(StepProgress step) {}

    default void onEpoch(EpochResult epoch) {}

    /** A step's loss, learning rate, throughput and the time left. */
    record StepProgress(int step, int totalSteps, int epoch, double loss, double learningRate, double examplesPerSecond,
            double etaSeconds) {}

    /**
     * Dev metrics after an epoch; {@code saved} when this epoch became the best checkpoint. The epoch is
     * judged by {@code selectionMetric}, the run's {@link dev.crossbench.train.eval.Evaluator}'s primary metric:
     * dev Spearman for pair training, nDCG@10 of reranking each dev query's candidates for ranking runs
     * (whose Pearson/Spearman are NaN).
     */
    record EpochResult(int epoch, double meanLoss, double devPearson, double devSpearman, double seconds,
            double trainExamplesPerSecond, boolean saved, String selectionMetric, double selectionValue) {}
}

package dev.crossbench.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did: per-epoch results, where the best model is, whether it was cancelled, every
 * step's loss, and how many steps were skipped for a non-finite loss or gradient. {@code bestDevSpearman}
 * holds the best epoch's selection value (dev nDCG@10 for ranking runs; see {@link TrainingProgressListener.EpochResult}).
 */
public record TrainingSummary(List<TrainingProgressListener.EpochResult> epochs, int bestEpoch, double bestDevSpearman,
        Path output, boolean cancelled, List<Double> stepLosses, int skippedSteps) {}

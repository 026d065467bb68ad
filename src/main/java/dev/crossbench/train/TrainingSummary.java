package dev.crossbench.train;

import java.nio.file.Path;
import java.util.List;

/** What a run did: per-epoch results, where the best model is, and whether it was cancelled. */
public record TrainingSummary(List<TrainingListener.EpochResult> epochs, int bestEpoch, double bestDevSpearman,
        Path output, boolean cancelled, List<Double> stepLosses) {}

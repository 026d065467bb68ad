package dev.crossbench.app;

import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.model.encode.EncodeStats;

/**
 * One model's agreement with gold scores on a pair set, and what encoding the pairs cost.
 * {@code sentencesPerSecond} counts the unique sentences actually encoded.
 */
public record BiEncoderPairResult(String model, String kind, String engine, PairCorrelations correlations,
        int uniqueSentences, double encodeSeconds, double sentencesPerSecond, EncodeStats stats) {}

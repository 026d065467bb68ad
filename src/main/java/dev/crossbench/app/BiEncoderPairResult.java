package dev.crossbench.app;

import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.model.encode.EncodeStats;

/**
 * One model's agreement with gold scores on a pair set, and what encoding the pairs cost.
 * For a bi-encoder {@code sentencesPerSecond} counts the unique sentences encoded; for a
 * cross-encoder ({@code kind} "cross-encoder", no encode stats) the pairs scored.
 */
public record BiEncoderPairResult(String model, String kind, String engine, PairCorrelations correlations,
        int uniqueSentences, double encodeSeconds, double sentencesPerSecond, EncodeStats stats) {}

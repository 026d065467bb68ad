package dev.crossbench.data;

import java.util.Objects;

/** Two texts and the gold similarity a person gave them, in the data set's own units (e.g. 0-5 for STS-B). */
public record LabeledPair(String sentence1, String sentence2, double score) {
    public LabeledPair {
        Objects.requireNonNull(sentence1, "sentence1");
        Objects.requireNonNull(sentence2, "sentence2");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be a finite number, was " + score);
        }
    }

    /** The same pair with its sides swapped (cross-encoders see the order; cosine does not). */
    public LabeledPair swapped() {
        return new LabeledPair(sentence2, sentence1, score);
    }
}

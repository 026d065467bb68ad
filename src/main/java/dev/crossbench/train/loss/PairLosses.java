package dev.crossbench.train.loss;

import ai.djl.training.loss.Loss;

/** The pointwise losses on scored pairs, with gold scores normalised to [0, 1] as labels. */
public final class PairLosses {
    private PairLosses() {}

    /** Cross-encoders: binary cross-entropy on the logit (sentence-transformers' CrossEncoder default). */
    public static Loss binaryCrossEntropy() {
        return Loss.sigmoidBinaryCrossEntropyLoss();
    }

    /** Bi-encoders: sentence-transformers' CosineSimilarityLoss, the squared error of the pair's cosine. */
    public static Loss cosineMse() {
        return Loss.l2Loss("cosine-mse", 1f);
    }
}

package dev.crossbench.search;

import dev.crossbench.data.LabeledPair;

/** A (query, document, label) example for training a reranker: label 1 for relevant, 0 for a mined negative. */
public record TrainingPair(String queryId, String docId, String query, String document, int label) {
    public LabeledPair toLabeledPair() {
        return new LabeledPair(query, document, label);
    }
}

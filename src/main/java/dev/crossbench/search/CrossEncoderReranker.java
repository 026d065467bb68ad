package dev.crossbench.search;

import dev.crossbench.model.cross.CrossEncoder;
import java.util.Collections;
import java.util.List;

/** A cross-encoder as the second stage: one forward pass per (query, document) pair. */
public final class CrossEncoderReranker implements Reranker {
    private final CrossEncoder crossEncoder;

    /** @param crossEncoder an opened model; the caller closes it */
    public CrossEncoderReranker(CrossEncoder crossEncoder) {
        this.crossEncoder = crossEncoder;
    }

    @Override
    public String name() {
        return crossEncoder.name();
    }

    @Override
    public double[] score(String query, List<String> documents) {
        return crossEncoder.predict(Collections.nCopies(documents.size(), query), documents);
    }
}

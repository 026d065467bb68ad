package dev.crossbench.search;

import java.util.List;

/** Second stage: scores each candidate document against the query, higher is more relevant. */
public interface Reranker {
    String name();

    /** One score per document, in the order given. */
    double[] score(String query, List<String> documents);
}

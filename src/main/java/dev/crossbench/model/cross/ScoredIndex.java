package dev.crossbench.model.cross;

/** A document's position in the input list and its score. */
public record ScoredIndex(int index, double score) {}

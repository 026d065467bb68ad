package dev.crossbench.eval;

/** A retrieved document id and the score the system gave it. */
public record ScoredDoc(String id, double score) {}

package dev.crossbench.index;

/** A corpus row found for a query and its similarity (inner product; cosine for unit vectors). */
public record Neighbor(int row, float score) {}

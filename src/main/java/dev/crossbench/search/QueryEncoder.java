package dev.crossbench.search;

/** First stage, query side: a query text to the vector the index is searched with. */
@FunctionalInterface
public interface QueryEncoder {
    float[] encode(String query);
}

package dev.crossbench.data;

import java.util.Objects;

/** A search query with the id its relevance judgements refer to. */
public record Query(String id, String text) {
    public Query {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}

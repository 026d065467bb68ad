package dev.crossbench.data;

import java.util.Objects;

/** One corpus document: its id, an optional title (empty when the format has none) and its text. */
public record Document(String id, String title, String text) {
    public Document {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
    }
}

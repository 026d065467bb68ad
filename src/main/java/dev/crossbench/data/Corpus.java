package dev.crossbench.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The documents searched over, in file order; row i of the corpus embeddings is document i. */
public final class Corpus {
    private final Path source;
    private final List<Document> documents;
    private final Map<String, Integer> rowById;

    public Corpus(Path source, List<Document> documents) {
        this.source = source;
        this.documents = List.copyOf(documents);
        this.rowById = new HashMap<>(documents.size() * 2);
        for (int i = 0; i < this.documents.size(); i++) {
            if (rowById.putIfAbsent(this.documents.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate document id '" + this.documents.get(i).id() + "'");
            }
        }
    }

    /** The file it was read from, or null for a corpus made in memory. */
    public Path source() {
        return source;
    }

    public int size() {
        return documents.size();
    }

    public Document get(int row) {
        return documents.get(row);
    }

    public List<Document> documents() {
        return documents;
    }

    public boolean contains(String id) {
        return rowById.containsKey(id);
    }

    public Optional<Integer> row(String id) {
        return Optional.ofNullable(rowById.get(id));
    }

    /** The text each document gives a model, in row order. */
    public List<String> texts(DocumentFormat format) {
        return documents.stream().map(format::apply).toList();
    }
}

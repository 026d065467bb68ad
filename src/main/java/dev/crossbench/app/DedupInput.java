package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.dedup.TextGroups;
import java.util.List;

/**
 * Texts to deduplicate, as the models read them (row i is document i of the corpus), grouped by identical text.
 * Fewer than two distinct texts need no model: there is nothing to compare.
 */
public record DedupInput(Corpus corpus, DocumentFormat format, List<String> texts, TextGroups groups) {
    public static DedupInput of(Corpus corpus, DocumentFormat format) {
        List<String> texts = corpus.texts(format);
        return new DedupInput(corpus, format, texts, TextGroups.of(texts));
    }

    public int rows() {
        return texts.size();
    }

    public boolean needsModels() {
        return groups.groups() >= 2;
    }

    public String id(int row) {
        return corpus.get(row).id();
    }
}

package dev.crossbench.ui.workspace;

import dev.crossbench.app.IndexedCorpus;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.Corpus;
import dev.crossbench.ui.common.Formats;
import java.util.Locale;

/** Which corpus and bi-encoder the open search index is for, and how its embeddings were obtained. */
public record SearchIndexInfo(Corpus corpus, ModelSpec model, String description) {

    public static SearchIndexInfo of(Corpus corpus, ModelSpec model, IndexedCorpus indexed) {
        var e = indexed.embeddings();
        String how = switch (e.outcome()) {
            case HIT -> "embeddings from the cache";
            case ENCODED, REBUILT -> "encoded in " + Formats.seconds(e.encodeNanos() / 1e9);
            case RESUMED -> String.format(Locale.ROOT, "encoding resumed (%d chunks reused), %s", e.chunksReused(),
                    Formats.seconds(e.encodeNanos() / 1e9));
            case UNCACHED -> "encoded in " + Formats.seconds(e.encodeNanos() / 1e9) + ", " + e.note();
        };
        return new SearchIndexInfo(corpus, model, String.format(Locale.ROOT, "index: %s, %s over %,d documents, %s",
                model.name(), indexed.index().description(), corpus.size(), how));
    }

    public boolean isFor(Corpus c, ModelSpec m) {
        return corpus == c && model.equals(m);
    }
}

package dev.crossbench.index;

import dev.crossbench.data.Sha256;
import java.util.List;

/**
 * Everything that changes a corpus embedding: the model (name and checksum of the weights file that
 * runs), the document prompt, truncation, pooling and normalisation, and the exact texts (with their
 * ids, since row i must stay document i). Equal keys give interchangeable embeddings.
 */
public record EmbeddingKey(String modelName, String weightsSha256, String prompt, int maxSeqLength, String pooling,
        boolean normalized, String corpusSha256, int rows) {
    /** Bump when the cache layout or the meaning of a field changes. */
    static final int FORMAT = 1;

    /** The same texts under the same model, encoded with another prompt (e.g. the model's pair prompt). */
    public EmbeddingKey withPrompt(String otherPrompt) {
        return new EmbeddingKey(modelName, weightsSha256, otherPrompt, maxSeqLength, pooling, normalized, corpusSha256, rows);
    }

    /** Checksum of the corpus as the model sees it: ids and texts in row order. */
    public static String corpusChecksum(List<String> ids, List<String> texts) {
        if (ids.size() != texts.size()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + texts.size() + " texts");
        }
        Sha256 h = Sha256.start();
        for (int i = 0; i < ids.size(); i++) {
            h.add(ids.get(i)).add(texts.get(i));
        }
        return h.hex();
    }

    /** A short hex digest of all fields: the cache file name. */
    public String digest() {
        return Sha256.start().add("format " + FORMAT).add(modelName).add(weightsSha256).add(prompt)
                .add(Integer.toString(maxSeqLength)).add(pooling).add(Boolean.toString(normalized)).add(corpusSha256)
                .add(Integer.toString(rows)).hex().substring(0, 24);
    }
}

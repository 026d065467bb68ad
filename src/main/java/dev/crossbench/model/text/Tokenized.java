package dev.crossbench.model.text;

/** Token ids and segment (token type) ids of one text or text pair, special tokens included, unpadded. */
public record Tokenized(long[] ids, long[] typeIds) {
    public int length() {
        return ids.length;
    }
}

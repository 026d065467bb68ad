package dev.crossbench.app;

import dev.crossbench.index.HnswParams;
import java.util.Locale;

/** Which first-stage index to search: exact, or HNSW with its parameters. */
public record IndexChoice(Kind kind, HnswParams hnsw) {
    public enum Kind { EXACT, HNSW }

    public static final IndexChoice EXACT = new IndexChoice(Kind.EXACT, HnswParams.DEFAULTS);

    public static IndexChoice hnsw(HnswParams params) {
        return new IndexChoice(Kind.HNSW, params);
    }

    public static IndexChoice parse(String kind, HnswParams params) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "exact", "flat", "brute-force" -> EXACT;
            case "hnsw" -> hnsw(params);
            default -> throw new IllegalArgumentException("unknown index '" + kind + "' (expected exact or hnsw)");
        };
    }
}

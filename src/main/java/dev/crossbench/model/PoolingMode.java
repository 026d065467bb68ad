package dev.crossbench.model;

import java.util.Locale;

/** How token embeddings become one sentence embedding (sentence-transformers' 1_Pooling modes). */
public enum PoolingMode {
    MEAN,
    CLS,
    MAX;

    public static PoolingMode parse(String s) {
        switch (s.toLowerCase(Locale.ROOT).replace("pooling_mode_", "").replace("_tokens", "").replace("_token", "")) {
            case "mean":
                return MEAN;
            case "cls":
                return CLS;
            case "max":
                return MAX;
            default:
                throw new IllegalArgumentException("unknown pooling mode '" + s + "' (expected mean, cls or max)");
        }
    }
}

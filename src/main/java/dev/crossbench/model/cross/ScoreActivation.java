package dev.crossbench.model.cross;

import java.util.Locale;

/** How a cross-encoder's logit becomes a score; sentence-transformers uses sigmoid for one label. */
public enum ScoreActivation {
    IDENTITY,
    SIGMOID;

    public double apply(double logit) {
        return this == SIGMOID ? 1.0 / (1.0 + Math.exp(-logit)) : logit;
    }

    public static ScoreActivation parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "identity":
            case "logits":
            case "none":
                return IDENTITY;
            case "sigmoid":
                return SIGMOID;
            default:
                throw new IllegalArgumentException("unknown activation '" + s + "' (expected sigmoid or identity)");
        }
    }
}

package dev.crossbench.app;

/**
 * How a model scores a pair: a bi-encoder embeds each text on its own (scores are cosines of the
 * embeddings), a cross-encoder reads both texts together and predicts the score directly.
 */
public enum ModelKind {
    BI("bi-encoder", "cosine similarity"),
    CROSS("cross-encoder", "cross-encoder score");

    private final String label;
    private final String scoreName;

    ModelKind(String label, String scoreName) {
        this.label = label;
        this.scoreName = scoreName;
    }

    public String label() {
        return label;
    }

    /** What the model's predicted score is, for axis labels and tables. */
    public String scoreName() {
        return scoreName;
    }
}

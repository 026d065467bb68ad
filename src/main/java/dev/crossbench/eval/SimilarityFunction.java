package dev.crossbench.eval;

/**
 * How two embeddings become one similarity score, with sentence-transformers' EmbeddingSimilarityEvaluator
 * conventions: distances are negated so that a higher score always means "more similar". Sums are
 * accumulated in double.
 */
public enum SimilarityFunction {
    /** Cosine of the angle; 0 when either vector is all zeros (as sklearn's normalisation leaves it). */
    COSINE("cosine") {
        @Override
        double compute(float[] a, float[] b) {
            double dot = 0;
            double normA = 0;
            double normB = 0;
            for (int i = 0; i < a.length; i++) {
                dot += (double) a[i] * b[i];
                normA += (double) a[i] * a[i];
                normB += (double) b[i] * b[i];
            }
            return normA == 0 || normB == 0 ? 0.0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
        }
    },
    DOT("dot") {
        @Override
        double compute(float[] a, float[] b) {
            double dot = 0;
            for (int i = 0; i < a.length; i++) {
                dot += (double) a[i] * b[i];
            }
            return dot;
        }
    },
    /** Negative Euclidean (L2) distance. */
    EUCLIDEAN("euclidean") {
        @Override
        double compute(float[] a, float[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                double d = (double) a[i] - b[i];
                sum += d * d;
            }
            return 0.0 - Math.sqrt(sum); // rather than -d: identical vectors give 0.0, not -0.0
        }
    },
    /** Negative Manhattan (L1) distance. */
    MANHATTAN("manhattan") {
        @Override
        double compute(float[] a, float[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += Math.abs((double) a[i] - b[i]);
            }
            return 0.0 - sum;
        }
    };

    private final String label;

    SimilarityFunction(String label) {
        this.label = label;
    }

    /** Lower-case name as used in reports, e.g. "cosine". */
    public String label() {
        return label;
    }

    /** The similarity of two vectors of the same dimension: higher means more alike. */
    public double score(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in dimension: " + a.length + " vs " + b.length);
        }
        return compute(a, b);
    }

    abstract double compute(float[] a, float[] b);
}

package dev.crossbench.dedup;

/**
 * Two distinct texts (group indices {@code a < b} of {@link TextGroups}) that the bi-encoder put close together,
 * with their cosine similarity and, once verified, the cross-encoder's score (NaN until then).
 */
public record CandidatePair(int a, int b, float biScore, double crossScore) {
    public CandidatePair {
        if (a >= b) {
            throw new IllegalArgumentException("a candidate pair needs a < b, got " + a + ", " + b);
        }
    }

    public CandidatePair(int a, int b, float biScore) {
        this(a, b, biScore, Double.NaN);
    }

    public CandidatePair withCrossScore(double score) {
        return new CandidatePair(a, b, biScore, score);
    }

    public boolean isVerified() {
        return !Double.isNaN(crossScore);
    }

    /** One long per unordered pair, for sets and maps. */
    public long key() {
        return key(a, b);
    }

    public static long key(int x, int y) {
        int lo = Math.min(x, y);
        int hi = Math.max(x, y);
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }
}

package dev.crossbench.dedup;

/**
 * When a candidate pair counts as a duplicate: cosine at or above {@code biThreshold} and, when
 * {@code crossThreshold} is given, a cross-encoder score at or above it too.
 */
public record AcceptRule(double biThreshold, Double crossThreshold) {
    public AcceptRule {
        if (!(biThreshold >= -1 && biThreshold <= 1)) {
            throw new IllegalArgumentException("threshold " + biThreshold + " is outside the cosine similarity range [-1, 1]");
        }
        if (crossThreshold != null && !(crossThreshold >= 0 && crossThreshold <= 1)) {
            throw new IllegalArgumentException("cross threshold " + crossThreshold
                    + " is outside the cross-encoder's score range [0, 1] (sigmoid)");
        }
    }

    public static AcceptRule biOnly(double biThreshold) {
        return new AcceptRule(biThreshold, null);
    }

    public boolean verifies() {
        return crossThreshold != null;
    }

    public boolean accepts(CandidatePair p) {
        if (p.biScore() < biThreshold) {
            return false;
        }
        if (crossThreshold == null) {
            return true;
        }
        if (!p.isVerified()) {
            throw new IllegalStateException("pair " + p.a() + "-" + p.b() + " has no cross-encoder score");
        }
        return p.crossScore() >= crossThreshold;
    }
}

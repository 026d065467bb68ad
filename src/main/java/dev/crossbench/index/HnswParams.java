package dev.crossbench.index;

/**
 * HNSW graph parameters: M links per node (2M on the bottom layer), efConstruction candidates while
 * inserting, ef candidates while searching (at least k). hnswlib-core's own defaults (M=10, ef=10) give
 * poor recall on 384-d text embeddings; {@link #DEFAULTS} come from `crossbench bench index` runs on
 * SciFact embeddings and on 103,660 vectors (see the README).
 */
public record HnswParams(int m, int efConstruction, int ef) {
    public static final HnswParams DEFAULTS = new HnswParams(16, 200, 100);

    public HnswParams {
        if (m < 2 || m > 256) {
            throw new IllegalArgumentException("HNSW M must be within 2..256, got " + m);
        }
        if (efConstruction < 1 || ef < 1) {
            throw new IllegalArgumentException("HNSW efConstruction and ef must be at least 1, got " + efConstruction + ", " + ef);
        }
    }

    public HnswParams withEf(int newEf) {
        return new HnswParams(m, efConstruction, newEf);
    }

    @Override
    public String toString() {
        return "M=" + m + ", efConstruction=" + efConstruction + ", ef=" + ef;
    }
}

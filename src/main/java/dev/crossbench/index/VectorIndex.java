package dev.crossbench.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Nearest corpus rows to a query vector by inner product, best first. Vectors are expected to be
 * L2-normalised, which makes the score cosine similarity.
 */
public interface VectorIndex {
    /** "exact" or "hnsw(M=16, efConstruction=400, ef=64)": what a report shows. */
    String description();

    int size();

    int dimension();

    /** At most {@code k} rows, best first; fewer only when the index holds fewer. */
    List<Neighbor> search(float[] query, int k);

    default List<List<Neighbor>> searchAll(float[][] queries, int k) {
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        for (float[] q : queries) {
            out.add(search(q, k));
        }
        return out;
    }
}

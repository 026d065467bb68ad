package dev.crossbench.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How many of the exact top k an approximate index also returns in its top k, averaged over queries. */
public final class IndexRecall {
    private IndexRecall() {}

    public static double recallAtK(List<List<Neighbor>> approximate, List<List<Neighbor>> exact, int k) {
        if (approximate.size() != exact.size() || exact.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of queries: " + approximate.size()
                    + " vs " + exact.size());
        }
        double sum = 0;
        for (int q = 0; q < exact.size(); q++) {
            List<Neighbor> truth = exact.get(q).subList(0, Math.min(k, exact.get(q).size()));
            Set<Integer> want = new HashSet<>();
            truth.forEach(n -> want.add(n.row()));
            List<Neighbor> got = approximate.get(q);
            int hits = 0;
            for (int i = 0; i < Math.min(k, got.size()); i++) {
                if (want.contains(got.get(i).row())) {
                    hits++;
                }
            }
            sum += truth.isEmpty() ? 1 : (double) hits / truth.size();
        }
        return sum / exact.size();
    }
}

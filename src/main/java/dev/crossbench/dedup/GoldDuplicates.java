package dev.crossbench.dedup;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Pairs of input rows that a person marked as duplicates, compared with what deduplication claims. Pairs are
 * unordered and counted once; a pair of a row with itself is dropped. Two rows count as claimed duplicates
 * when their texts are identical or their texts form an accepted pair ({@link #pairs}), or, transitively,
 * when they share a cluster ({@link #clusters}).
 */
public final class GoldDuplicates {
    private final long[] rowPairs;
    private final long[] judged;

    private GoldDuplicates(long[] rowPairs, long[] judged) {
        this.rowPairs = rowPairs;
        this.judged = judged;
    }

    /**
     * @param rowPairs duplicate {row, row} pairs, in any order, repeats allowed
     * @param judgedPairs every pair the gold judges (duplicates among them), or null when only duplicates are known
     */
    public static GoldDuplicates of(Collection<int[]> rowPairs, Collection<int[]> judgedPairs) {
        return new GoldDuplicates(keys(rowPairs), judgedPairs == null ? null : keys(judgedPairs));
    }

    private static long[] keys(Collection<int[]> pairs) {
        Set<Long> keys = new LinkedHashSet<>();
        for (int[] p : pairs) {
            if (p[0] != p[1]) {
                keys.add(CandidatePair.key(p[0], p[1]));
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    public int size() {
        return rowPairs.length;
    }

    /** Row pairs claimed by the accepted pairs (identical texts included), against gold. */
    public PairCounts pairs(TextGroups groups, List<CandidatePair> accepted) {
        Set<Long> acceptedKeys = new HashSet<>(accepted.size() * 2);
        long predicted = groups.identicalPairs();
        for (CandidatePair p : accepted) {
            acceptedKeys.add(p.key());
            predicted += (long) groups.size(p.a()) * groups.size(p.b());
        }
        LongPredicate claimed = key -> {
            int ga = groups.groupOf(first(key));
            int gb = groups.groupOf(second(key));
            return ga == gb || acceptedKeys.contains(CandidatePair.key(ga, gb));
        };
        return counts(predicted, claimed);
    }

    private PairCounts counts(long predicted, LongPredicate claimed) {
        long tp = Arrays.stream(rowPairs).filter(claimed).count();
        long judgedClaimed = judged == null ? -1 : Arrays.stream(judged).filter(claimed).count();
        return new PairCounts(predicted, rowPairs.length, tp, judgedClaimed);
    }

    /** Row pairs claimed by sharing a cluster, against gold. */
    public PairCounts clusters(Clusters clusters) {
        return counts(clusters.rowPairs(), key -> {
            int c = clusters.clusterOf(first(key));
            return c >= 0 && c == clusters.clusterOf(second(key));
        });
    }

    /** Gold pairs whose texts are among the candidates (or identical): the most any threshold can find. */
    public long reachable(TextGroups groups, List<CandidatePair> candidates) {
        return pairs(groups, candidates).truePositives();
    }

    private static int first(long key) {
        return (int) (key >>> 32);
    }

    private static int second(long key) {
        return (int) key;
    }
}

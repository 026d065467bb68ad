package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.GoldPairs;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.GoldDuplicates;
import dev.crossbench.dedup.PairCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deduplication scored against gold duplicate pairs at several thresholds: precision, recall and F1 over pairs
 * of input rows, of the accepted pairs (identical texts count as found) and of the clusters (every two rows of a
 * cluster count as claimed). Gold pairs are matched to rows by id, or by text (as the model reads it, stripped);
 * those naming something not in the input are left out and counted.
 *
 * @param unmatched gold pairs with a side not in the input
 * @param sameRow gold pairs whose two sides are the same row (the same id or the same text)
 * @param reachable gold pairs among the candidates (or identical): what the lowest threshold can find
 */
public record DedupEvaluation(GoldPairs source, GoldDuplicates gold, int unmatched, int sameRow, long reachable,
        List<Row> rows) {

    /** One rule's counts: over accepted pairs and over clusters. */
    public record Row(AcceptRule rule, PairCounts pairs, PairCounts clusters) {}

    public static GoldMatch match(Corpus corpus, List<String> texts, GoldPairs source) {
        Map<String, Integer> rowOf = new HashMap<>(texts.size() * 2);
        for (int r = texts.size() - 1; r >= 0; r--) {
            rowOf.put(source.kind() == GoldPairs.Kind.IDS ? corpus.get(r).id() : texts.get(r), r);
        }
        List<int[]> rowPairs = new ArrayList<>(source.pairs().size());
        int[] unmatchedAndSame = new int[2];
        for (GoldPairs.Pair p : source.pairs()) {
            int[] rows = rows(rowOf, p);
            if (rows == null) {
                unmatchedAndSame[0]++;
            } else if (rows[0] == rows[1]) {
                unmatchedAndSame[1]++;
            } else {
                rowPairs.add(rows);
            }
        }
        List<int[]> judged = null;
        if (source.judged() != null) {
            judged = new ArrayList<>(source.judged().size());
            for (GoldPairs.Pair p : source.judged()) {
                int[] rows = rows(rowOf, p);
                if (rows != null) {
                    judged.add(rows);
                }
            }
        }
        return new GoldMatch(GoldDuplicates.of(rowPairs, judged), unmatchedAndSame[0], unmatchedAndSame[1]);
    }

    /** Both sides as rows (ids, or texts stripped as the model reads them), or null when either is not in the input. */
    private static int[] rows(Map<String, Integer> rowOf, GoldPairs.Pair p) {
        Integer a = rowOf.get(p.first().strip());
        Integer b = rowOf.get(p.second().strip());
        return a == null || b == null ? null : new int[] {a, b};
    }

    /** One rule's counts against gold already matched to the result's rows: cheap enough to follow a slider. */
    public static Row row(DedupResult result, GoldDuplicates gold, AcceptRule rule) {
        List<CandidatePair> accepted = result.accepted(rule);
        return row(result, gold, rule, accepted, Clusters.of(result.groups(), accepted));
    }

    /** As above, for a caller that has already applied the rule (the view shows the same pairs and clusters). */
    public static Row row(DedupResult result, GoldDuplicates gold, AcceptRule rule, List<CandidatePair> accepted,
            Clusters clusters) {
        return new Row(rule, gold.pairs(result.groups(), accepted), gold.clusters(clusters));
    }

    /** Gold pairs as rows of the input, with what could not be matched. */
    public record GoldMatch(GoldDuplicates gold, int unmatched, int sameRow) {}

    /**
     * @param rules each rule's cosine threshold must be at or above the run's candidate threshold; a rule with a cross
     *     threshold needs a verified run
     */
    public static DedupEvaluation evaluate(DedupResult result, GoldPairs source, List<AcceptRule> rules) {
        GoldMatch m = match(result.input().corpus(), result.input().texts(), source);
        List<Row> rows = new ArrayList<>(rules.size());
        for (AcceptRule rule : rules) {
            rows.add(row(result, m.gold(), rule));
        }
        return new DedupEvaluation(source, m.gold(), m.unmatched(), m.sameRow(),
                m.gold().reachable(result.groups(), result.pairs()), List.copyOf(rows));
    }
}

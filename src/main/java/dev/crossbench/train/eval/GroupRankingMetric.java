package dev.crossbench.train.eval;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.eval.IrMetrics;
import dev.crossbench.eval.ScoredDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Mean nDCG@10 of reranking each group's candidates: its relevant documents (gain 1) and its first, hardest
 * negatives, up to {@value #CANDIDATES} candidates per query. The dev figure that picks a listwise run's
 * best epoch; a ranking measure, so a model is judged on ordering one query's candidates, not on pooled scores.
 */
public final class GroupRankingMetric {
    public static final int CANDIDATES = 30;
    public static final String NAME = "dev nDCG@10";

    private GroupRankingMetric() {}

    /** @param scorer scores (query, document) pairs, in order */
    public static double ndcgAt10(List<RankingGroup> groups, Function<List<LabeledPair>, double[]> scorer) {
        List<LabeledPair> pairs = new ArrayList<>();
        int[] sizes = new int[groups.size()];
        for (int q = 0; q < groups.size(); q++) {
            RankingGroup g = groups.get(q);
            g.positives().forEach(d -> pairs.add(new LabeledPair(g.query(), d, 1)));
            int limit = Math.min(g.negatives().size(), Math.max(1, CANDIDATES - g.positives().size()));
            g.negatives().subList(0, limit).forEach(d -> pairs.add(new LabeledPair(g.query(), d, 0)));
            sizes[q] = g.positives().size() + limit;
        }
        double[] scores = scorer.apply(pairs);
        double sum = 0;
        int at = 0;
        for (int size : sizes) {
            List<ScoredDoc> run = new ArrayList<>(size);
            Map<String, Integer> judged = new HashMap<>();
            for (int i = 0; i < size; i++) {
                String id = Integer.toString(i);
                run.add(new ScoredDoc(id, scores[at + i]));
                if (pairs.get(at + i).score() > 0) {
                    judged.put(id, 1);
                }
            }
            sum += IrMetrics.ndcg(IrMetrics.rank(run), judged, 10);
            at += size;
        }
        return sum / groups.size();
    }
}

package dev.crossbench.eval;

import dev.crossbench.data.Qrels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranking measures as trec_eval (and pytrec_eval, which BEIR and MTEB use) define them:
 *
 * <ul>
 *   <li>the run is ordered by score, descending, ties by document id descending (string order);
 *   <li>relevant means grade >= 1;
 *   <li>nDCG@k: gain = grade (linear, not 2^grade - 1), discount log2(rank + 1); the ideal DCG comes from
 *       the query's judged grades, whether or not those documents were retrieved;
 *   <li>MRR@k: 1 / rank of the first relevant document in the top k, else 0;
 *   <li>Recall@k: relevant in the top k / all relevant; MAP@k: sum of precision at each relevant rank
 *       within k, divided by the number of relevant documents (not by the number retrieved);
 *   <li>P@k: relevant in the top k / k, also when fewer than k were retrieved.
 * </ul>
 *
 * A query without any relevant document scores 0 on every measure, as in trec_eval.
 */
public final class IrMetrics {
    /** trec_eval's order: score descending, ties broken by document id descending. */
    public static final Comparator<ScoredDoc> TREC_ORDER =
            Comparator.comparingDouble(ScoredDoc::score).reversed().thenComparing(ScoredDoc::id, Comparator.reverseOrder());

    private IrMetrics() {}

    /** The ids of a run in trec_eval order. */
    public static List<String> rank(List<ScoredDoc> run) {
        List<ScoredDoc> sorted = new ArrayList<>(run);
        sorted.sort(TREC_ORDER);
        return sorted.stream().map(ScoredDoc::id).toList();
    }

    /** One measure for one query; {@code ranked} is already in trec_eval order. */
    public static double value(MetricAtK metric, List<String> ranked, Map<String, Integer> judged) {
        int k = metric.k();
        return switch (metric.measure()) {
            case NDCG -> ndcg(ranked, judged, k);
            case MRR -> reciprocalRank(ranked, judged, k);
            case RECALL -> recall(ranked, judged, k);
            case MAP -> averagePrecision(ranked, judged, k);
            case PRECISION -> precision(ranked, judged, k);
        };
    }

    public static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
        double dcg = 0;
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            int g = judged.getOrDefault(ranked.get(i), 0);
            if (g > 0) {
                dcg += g / log2(i + 2);
            }
        }
        int[] ideal = judged.values().stream().mapToInt(Integer::intValue).filter(g -> g > 0).toArray();
        Arrays.sort(ideal);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
        }
        return idcg > 0 ? dcg / idcg : 0;
    }

    public static double reciprocalRank(List<String> ranked, Map<String, Integer> judged, int k) {
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            if (Qrels.isRelevant(judged.getOrDefault(ranked.get(i), 0))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
        int relevant = relevantCount(judged);
        return relevant == 0 ? 0 : (double) relevantInTop(ranked, judged, k) / relevant;
    }

    public static double averagePrecision(List<String> ranked, Map<String, Integer> judged, int k) {
        int relevant = relevantCount(judged);
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int found = 0;
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            if (Qrels.isRelevant(judged.getOrDefault(ranked.get(i), 0))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant;
    }

    public static double precision(List<String> ranked, Map<String, Integer> judged, int k) {
        return (double) relevantInTop(ranked, judged, k) / k;
    }

    /**
     * Evaluates a run over the queries it holds. Queries without judgements are skipped and listed; with
     * {@code ignoreIdenticalIds} a retrieved document whose id equals the query id is dropped first (BEIR).
     */
    public static IrEvaluation evaluate(Qrels qrels, Map<String, List<ScoredDoc>> run, List<MetricAtK> metrics,
            boolean ignoreIdenticalIds) {
        Map<String, double[]> perQuery = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, List<ScoredDoc>> e : run.entrySet()) {
            String query = e.getKey();
            if (!qrels.hasJudgements(query)) {
                skipped.add(query);
                continue;
            }
            List<ScoredDoc> docs = e.getValue();
            if (ignoreIdenticalIds) {
                docs = docs.stream().filter(d -> !d.id().equals(query)).toList();
            }
            List<String> ranked = rank(docs);
            Map<String, Integer> judged = qrels.judgements(query);
            double[] values = new double[metrics.size()];
            for (int m = 0; m < values.length; m++) {
                values[m] = value(metrics.get(m), ranked, judged);
            }
            perQuery.put(query, values);
        }
        return new IrEvaluation(metrics, perQuery, skipped);
    }

    private static int relevantCount(Map<String, Integer> judged) {
        return (int) judged.values().stream().filter(Qrels::isRelevant).count();
    }

    private static int relevantInTop(List<String> ranked, Map<String, Integer> judged, int k) {
        int n = Math.min(k, ranked.size());
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (Qrels.isRelevant(judged.getOrDefault(ranked.get(i), 0))) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

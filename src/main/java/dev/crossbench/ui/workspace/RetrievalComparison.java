package dev.crossbench.ui.workspace;

import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.Query;
import dev.crossbench.data.QuerySet;
import dev.crossbench.eval.IrEvaluation;
import dev.crossbench.eval.IrMeasure;
import dev.crossbench.eval.MetricAtK;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval evaluation of each chosen bi-encoder on the loaded collection, each alone and, when a
 * cross-encoder was chosen, with it reranking the top K (one {@link RetrievalEvaluation} per
 * bi-encoder holds both, and the rerank-depth sweep).
 */
public record RetrievalComparison(List<RetrievalEvaluation> evaluations, QuerySet queries, int k, List<Integer> sweep,
        LocalDateTime finishedAt) {
    public static final MetricAtK NDCG_10 = IrMeasure.NDCG.at(10);

    /** One line of the metrics table: a bi-encoder alone or with the reranker. */
    public record Configuration(String name, RetrievalEvaluation evaluation, boolean reranked) {
        public IrEvaluation metrics() {
            return reranked ? evaluation.twoStage() : evaluation.firstStage();
        }

        /** Median total time per query; reranking included for a reranked configuration. */
        public double medianMillis() {
            RetrievalEvaluation.StageTimes t = evaluation.times();
            if (reranked) {
                return t.total().medianMillis();
            }
            long[] firstStage = evaluation.perQueryTimes().values().stream()
                    .mapToLong(q -> q.encodeNanos() + q.searchNanos()).toArray();
            return TimingStats.of(firstStage).medianMillis();
        }
    }

    /** One query: nDCG@10 of the bi-encoder, after reranking (NaN without), and what reranking changed. */
    public record QueryGain(String queryId, String text, double biNdcg, double rerankedNdcg) {
        public double gain() {
            return rerankedNdcg - biNdcg;
        }
    }

    public RetrievalComparison {
        evaluations = List.copyOf(evaluations);
        sweep = List.copyOf(sweep);
    }

    /** What the workbench reports: BEIR's headline nDCG@10 and MRR@10, then Recall and MAP at K, and P@10. */
    public static List<MetricAtK> metricsFor(int k) {
        return List.of(NDCG_10, IrMeasure.MRR.at(10), IrMeasure.RECALL.at(k), IrMeasure.MAP.at(k), IrMeasure.PRECISION.at(10));
    }

    public List<MetricAtK> metrics() {
        return evaluations.get(0).firstStage().metrics();
    }

    public boolean isReranked() {
        return evaluations.get(0).reranker() != null;
    }

    public List<Configuration> configurations() {
        List<Configuration> rows = new ArrayList<>();
        for (RetrievalEvaluation e : evaluations) {
            rows.add(new Configuration(e.biEncoder(), e, false));
            if (e.twoStage() != null) {
                rows.add(new Configuration(e.biEncoder() + " + " + e.reranker() + " (K=" + e.rerankDepth() + ")", e, true));
            }
        }
        return rows;
    }

    public List<QueryGain> perQuery(RetrievalEvaluation e) {
        Map<String, String> text = new HashMap<>();
        for (Query q : queries.queries()) {
            text.put(q.id(), q.text());
        }
        List<QueryGain> rows = new ArrayList<>();
        for (String id : e.firstStage().perQuery().keySet()) {
            double bi = e.firstStage().perQuery(id, NDCG_10);
            double reranked = e.twoStage() == null ? Double.NaN : e.twoStage().perQuery(id, NDCG_10);
            rows.add(new QueryGain(id, text.getOrDefault(id, ""), bi, reranked));
        }
        return rows;
    }
}

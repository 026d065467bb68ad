package dev.crossbench.ui.export;

import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.report.Table;
import dev.crossbench.ui.workspace.RetrievalComparison.Configuration;
import dev.crossbench.ui.workspace.RetrievalComparison.QueryGain;
import dev.crossbench.ui.workspace.RetrievalComparison;
import java.util.ArrayList;
import java.util.List;

/** The Retrieval view's tables as plain rows: metrics per configuration, per-query nDCG@10, the rerank-depth sweep. */
public final class RetrievalTables {
    private RetrievalTables() {}

    public static List<Table> all(RetrievalComparison r) {
        List<Table> out = new ArrayList<>(List.of(metrics(r), perQuery(r)));
        if (r.isReranked()) {
            out.add(sweep(r));
        }
        return out;
    }

    public static Table metrics(RetrievalComparison r) {
        List<String> header = new ArrayList<>(List.of("configuration", "index", "queries"));
        r.metrics().forEach(m -> header.add(m.label()));
        header.add("median_ms_per_query");
        List<List<String>> rows = new ArrayList<>();
        for (Configuration c : r.configurations()) {
            List<String> row = new ArrayList<>(List.of(c.name(), c.evaluation().index(),
                    Integer.toString(c.evaluation().queriesEvaluated())));
            for (MetricAtK m : r.metrics()) {
                row.add(Double.toString(c.metrics().mean(m)));
            }
            row.add(Double.toString(c.medianMillis()));
            rows.add(row);
        }
        return new Table("retrieval-metrics", header, rows);
    }

    public static Table perQuery(RetrievalComparison r) {
        List<List<String>> rows = new ArrayList<>();
        for (RetrievalEvaluation e : r.evaluations()) {
            for (QueryGain q : r.perQuery(e)) {
                rows.add(List.of(e.biEncoder(), q.queryId(), Double.toString(q.biNdcg()),
                        Double.isNaN(q.rerankedNdcg()) ? "" : Double.toString(q.rerankedNdcg()),
                        Double.isNaN(q.gain()) ? "" : Double.toString(q.gain()), q.text()));
            }
        }
        return new Table("retrieval-per-query", List.of("bi_encoder", "query_id", "ndcg10_bi", "ndcg10_reranked", "gain",
                "query"), rows);
    }

    public static Table sweep(RetrievalComparison r) {
        List<List<String>> rows = new ArrayList<>();
        for (RetrievalEvaluation e : r.evaluations()) {
            for (RetrievalEvaluation.SweepPoint p : e.sweep()) {
                rows.add(List.of(e.biEncoder(), e.reranker(), Integer.toString(p.depth()),
                        Double.toString(p.evaluation().mean(RetrievalComparison.NDCG_10)),
                        Double.toString(p.rerank().medianMillis()), Double.toString(p.rerank().p95Millis()),
                        Double.toString(p.total().medianMillis())));
            }
        }
        return new Table("rerank-depth", List.of("bi_encoder", "cross_encoder", "k", "ndcg10", "rerank_median_ms",
                "rerank_p95_ms", "total_median_ms"), rows);
    }
}

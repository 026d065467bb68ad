package dev.crossbench.app;

import dev.crossbench.data.DocumentFormat;
import dev.crossbench.eval.IrMeasure;
import dev.crossbench.eval.MetricAtK;
import java.util.List;

/**
 * How a retrieval evaluation runs.
 *
 * @param rerankDepth K: how many first-stage candidates the reranker reads
 * @param sweep further rerank depths to measure (quality and latency per K); empty for none
 * @param ignoreIdenticalIds drop a retrieved document whose id equals the query id (BEIR's default)
 */
public record RetrievalSettings(DocumentFormat format, IndexChoice index, int rerankDepth, List<Integer> sweep,
        boolean ignoreIdenticalIds, List<MetricAtK> metrics) {
    /** What BEIR/MTEB tables report. */
    public static final List<MetricAtK> STANDARD_METRICS = List.of(IrMeasure.NDCG.at(10), IrMeasure.MRR.at(10),
            IrMeasure.RECALL.at(100), IrMeasure.MAP.at(100), IrMeasure.PRECISION.at(10), IrMeasure.RECALL.at(10));

    public static final RetrievalSettings DEFAULTS = new RetrievalSettings(DocumentFormat.TITLE_AND_TEXT, IndexChoice.EXACT,
            100, List.of(), true, STANDARD_METRICS);

    public RetrievalSettings {
        if (rerankDepth < 1) {
            throw new IllegalArgumentException("K (rerank depth) must be at least 1, got " + rerankDepth);
        }
        for (int k : sweep) {
            if (k < 1) {
                throw new IllegalArgumentException("sweep depths must be at least 1, got " + k);
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to compute");
        }
        sweep = List.copyOf(sweep);
        metrics = List.copyOf(metrics);
    }

    public RetrievalSettings withIndex(IndexChoice i) {
        return new RetrievalSettings(format, i, rerankDepth, sweep, ignoreIdenticalIds, metrics);
    }

    public RetrievalSettings withRerankDepth(int k) {
        return new RetrievalSettings(format, index, k, sweep, ignoreIdenticalIds, metrics);
    }

    public RetrievalSettings withSweep(List<Integer> s) {
        return new RetrievalSettings(format, index, rerankDepth, s, ignoreIdenticalIds, metrics);
    }

    public RetrievalSettings withFormat(DocumentFormat f) {
        return new RetrievalSettings(f, index, rerankDepth, sweep, ignoreIdenticalIds, metrics);
    }
}

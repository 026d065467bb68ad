package dev.crossbench.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The measures of a run: per query (in run order) and their means over the evaluated queries. Queries
 * of the run that have no judgements are not evaluated; they are listed in {@link #skippedQueries()}.
 */
public final class IrEvaluation {
    private final List<MetricAtK> metrics;
    private final Map<String, double[]> perQuery;
    private final List<String> skippedQueries;

    IrEvaluation(List<MetricAtK> metrics, Map<String, double[]> perQuery, List<String> skippedQueries) {
        this.metrics = List.copyOf(metrics);
        this.perQuery = Collections.unmodifiableMap(perQuery);
        this.skippedQueries = List.copyOf(skippedQueries);
    }

    public List<MetricAtK> metrics() {
        return metrics;
    }

    public int evaluatedQueries() {
        return perQuery.size();
    }

    public List<String> skippedQueries() {
        return skippedQueries;
    }

    /** Query id -> values in the order of {@link #metrics()}. */
    public Map<String, double[]> perQuery() {
        return perQuery;
    }

    public double perQuery(String queryId, MetricAtK metric) {
        double[] v = perQuery.get(queryId);
        if (v == null) {
            throw new IllegalArgumentException("query '" + queryId + "' was not evaluated");
        }
        return v[index(metric)];
    }

    /** The mean over evaluated queries; NaN when none was evaluated. */
    public double mean(MetricAtK metric) {
        int i = index(metric);
        return perQuery.values().stream().mapToDouble(v -> v[i]).average().orElse(Double.NaN);
    }

    private int index(MetricAtK metric) {
        int i = metrics.indexOf(metric);
        if (i < 0) {
            throw new IllegalArgumentException(metric.label() + " was not computed (have " + metrics + ")");
        }
        return i;
    }
}

package dev.crossbench.eval;

/** One measure at one cutoff, e.g. nDCG@10. */
public record MetricAtK(IrMeasure measure, int k) {
    public MetricAtK {
        if (k < 1) {
            throw new IllegalArgumentException("cutoff k must be at least 1, got " + k);
        }
    }

    public String label() {
        return measure.label() + "@" + k;
    }

    /** "ndcg@10" -> nDCG@10; accepts the labels and trec_eval-like names (map, recall, p, mrr). */
    public static MetricAtK parse(String s) {
        String[] parts = s.trim().split("@");
        if (parts.length != 2) {
            throw new IllegalArgumentException("metric '" + s + "' should look like ndcg@10");
        }
        IrMeasure m = switch (parts[0].toLowerCase(java.util.Locale.ROOT)) {
            case "ndcg" -> IrMeasure.NDCG;
            case "mrr", "rr" -> IrMeasure.MRR;
            case "recall", "r" -> IrMeasure.RECALL;
            case "map" -> IrMeasure.MAP;
            case "p", "precision" -> IrMeasure.PRECISION;
            default -> throw new IllegalArgumentException("unknown measure '" + parts[0] + "' (ndcg, mrr, recall, map, p)");
        };
        return new MetricAtK(m, Integer.parseInt(parts[1].trim()));
    }

    @Override
    public String toString() {
        return label();
    }
}

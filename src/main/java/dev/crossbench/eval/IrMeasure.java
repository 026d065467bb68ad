package dev.crossbench.eval;

/** The ranking measures of trec_eval / pytrec_eval that BEIR and MTEB report. */
public enum IrMeasure {
    NDCG("nDCG"),
    MRR("MRR"),
    RECALL("Recall"),
    MAP("MAP"),
    PRECISION("P");

    private final String label;

    IrMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** nDCG@10 and friends: {@code measure} at cutoff {@code k}. */
    public MetricAtK at(int k) {
        return new MetricAtK(this, k);
    }
}

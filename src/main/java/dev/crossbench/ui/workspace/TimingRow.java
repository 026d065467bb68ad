package dev.crossbench.ui.workspace;

/**
 * One measured stage of one model. Throughput rows (a batched encode) leave the latency fields
 * empty; latency rows (one query at a time) leave throughput empty. Null means "not measured".
 */
public record TimingRow(String model, String engine, String stage, int batchSize, int texts,
        Double sentencesPerSecond, Double tokensPerSecond, Double medianMillis, Double p95Millis) {

    public static final String ENCODE = "encode texts";
    public static final String QUERY = "encode one query";

    public boolean isThroughput() {
        return sentencesPerSecond != null;
    }
}

package dev.crossbench.ui.workspace;

/**
 * One measured stage of one model. Throughput rows (a batched encode, or a cross-encoder scoring
 * pairs) leave the latency fields empty; latency rows (one query) leave throughput empty. A
 * cross-encoder's rerank row also holds its cost per candidate relative to a bi-encoder
 * ({@code versus}), as {@code crossbench bench score} reports it. Null means "not measured".
 */
public record TimingRow(String model, String engine, String stage, int batchSize, int texts,
        Double sentencesPerSecond, Double tokensPerSecond, Double medianMillis, Double p95Millis,
        Double crossOverBiEncode, Double crossOverBiIndexed, String versus) {

    public static final String ENCODE = "encode texts";
    public static final String QUERY = "encode one query";
    public static final String SCORE_PAIRS = "score pairs";
    public static final String RERANK = "score one query's candidates";

    /** A row without a cross/bi cost ratio. */
    public TimingRow(String model, String engine, String stage, int batchSize, int texts, Double sentencesPerSecond,
            Double tokensPerSecond, Double medianMillis, Double p95Millis) {
        this(model, engine, stage, batchSize, texts, sentencesPerSecond, tokensPerSecond, medianMillis, p95Millis, null, null, null);
    }

    public boolean isThroughput() {
        return sentencesPerSecond != null;
    }

    public boolean hasCostRatio() {
        return crossOverBiEncode != null;
    }

    /** What the throughput counts: texts encoded, or pairs scored by a cross-encoder. */
    public String unit() {
        return stage.equals(SCORE_PAIRS) || stage.equals(RERANK) ? "pairs" : "texts";
    }
}

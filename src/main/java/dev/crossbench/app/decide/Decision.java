package dev.crossbench.app.decide;

import dev.crossbench.eval.ConfidenceInterval;
import java.util.List;
import java.util.Optional;

/**
 * What {@code decide} measured on the user's judged queries, what it extrapolated to the stated corpus
 * size, and what it recommends per latency budget. Latencies are per query in milliseconds; quality values
 * are means over the queries named in each record (0..1).
 *
 * @param targetCorpusSize the corpus size the costs are extrapolated to and the budgets are checked at
 * @param configurations every configuration, measured (or, where a cost could not be afforded, extrapolated)
 * @param recommendations one per latency budget, in the order given
 * @param ruleOfThumb the article's rule of thumb for this corpus size, and whether the measurements agree
 * @param notes adjustments and caveats (depths clamped, queries sampled, what was extrapolated)
 */
public record Decision(Data data, long targetCorpusSize, List<Configuration> configurations, List<BiEncoderCost> biEncoders,
        List<CrossEncoderCost> crossEncoders, List<Recommendation> recommendations, String ruleOfThumb, List<String> notes) {

    public Decision {
        configurations = List.copyOf(configurations);
        biEncoders = List.copyOf(biEncoders);
        crossEncoders = List.copyOf(crossEncoders);
        recommendations = List.copyOf(recommendations);
        notes = List.copyOf(notes);
    }

    /**
     * The collection measured on: corpus, how many judged queries it has and how many were sampled (seeded), and
     * the machine the latencies are from.
     */
    public record Data(String corpus, int documents, int judgedQueries, int sampledQueries, long seed, String documentFormat,
            String machine) {}

    public enum Kind {
        BI_EXACT("bi-encoder, exact search"),
        BI_HNSW("bi-encoder, HNSW"),
        TWO_STAGE("two-stage: bi-encoder (HNSW) top K, reranked by the cross-encoder"),
        CROSS_ALONE("cross-encoder alone, scoring every document");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One way to answer a query.
     *
     * @param quality null when it was not measured (the cross-encoder alone, where scoring the corpus was not affordable)
     * @param measured the latency on the measured corpus (its {@code extrapolated} flag says if it was not timed)
     * @param atTarget the latency at {@link Decision#targetCorpusSize()}
     * @param pareto no other measured configuration is at least as good and at least as fast at the target size
     */
    public record Configuration(String name, Kind kind, String biEncoder, String crossEncoder, int k, String engine, String index,
            Quality quality, Latency measured, Latency atTarget, boolean pareto) {

        public boolean hasQuality() {
            return quality != null;
        }

        Configuration withAtTarget(Latency l) {
            return new Configuration(name, kind, biEncoder, crossEncoder, k, engine, index, quality, measured, l, pareto);
        }

        Configuration withPareto(boolean p) {
            return new Configuration(name, kind, biEncoder, crossEncoder, k, engine, index, quality, measured, atTarget, p);
        }
    }

    /**
     * Means over {@code queries} judged queries.
     *
     * @param biEncoderOnSameQueries the first bi-encoder's exact-search nDCG@10 on the same queries, when they are a
     *     subset of the sample (the cross-encoder alone); else null
     * @param ndcgPerQuery nDCG@10 per query, in the sample's order (for paired comparisons); may be empty
     */
    public record Quality(int queries, double ndcg10, double recall10, double recall100, Double biEncoderOnSameQueries,
            double[] ndcgPerQuery) {}

    /** Per-query latency; {@code basis} says how it was obtained (timed, or extrapolated from what). */
    public record Latency(int queries, double p50Millis, double p95Millis, boolean extrapolated, String basis) {}

    /**
     * What a bi-encoder costs at the target size: encoding the corpus, memory of the indexes, and the search
     * latency curve it rests on.
     *
     * @param exactBytesAtTarget the vectors: documents x dimension x 4 bytes
     * @param hnswBytesAtTarget the vectors plus the graph's links (see {@link IndexScaling#linkBytesPerVector()})
     */
    public record BiEncoderCost(String model, String engine, int dimension, Throughput encode, double encodeSecondsAtTarget,
            long exactBytesAtTarget, long hnswBytesAtTarget, IndexScaling scaling) {}

    /** Texts per second encoding documents, and on what it was measured. */
    public record Throughput(double textsPerSecond, int texts, String basis) {}

    /**
     * Search latency at several corpus sizes (single query, one thread, each query's best of 3 passes, top 10)
     * and the curves fitted through them.
     */
    public record IndexScaling(String hnsw, double linkBytesPerVector, int queries, List<ScalePoint> measured, Fit exactP50,
            Fit exactP95, Fit hnswP50, Fit hnswP95, Fit hnswBuildSeconds, String note) {}

    /** One measured corpus size; {@code synthetic} when it holds rotated copies of the real embeddings. */
    public record ScalePoint(int vectors, boolean synthetic, double exactP50Millis, double exactP95Millis, double hnswP50Millis,
            double hnswP95Millis, double hnswRecallAt10, double hnswBuildSeconds) {}

    /**
     * A least-squares line {@code intercept + slope * x}, where x is N, ln N or N ln N as {@link #form()} says;
     * a negative slope (noise) is replaced by a flat line at the mean.
     */
    public record Fit(String form, double intercept, double slope, double atMeasured, double atTarget) {}

    /**
     * A cross-encoder's cost per candidate and what one query costs when it scores every document of the target
     * corpus.
     */
    public record CrossEncoderCost(String model, String engine, double perCandidateP50Millis, double perCandidateP95Millis,
            String basis, double perQueryAtTargetP50Millis, double perQueryAtTargetP95Millis) {}

    /**
     * The answer for one budget: the best measured quality whose p95 latency at the target size fits, the
     * runner-up, and the cheapest configuration that scores higher (what more quality would cost). Names refer to
     * {@link Decision#configurations()}; null where there is none.
     *
     * @param bestGain what the best gains over the fastest configuration that fits (null when it is that one)
     * @param setAside when the highest-scoring configuration that fits was not recommended because its gain over
     *     the best is within noise: that gain (its configuration is the runner-up); else null
     */
    public record Recommendation(LatencyBudget budget, String best, String runnerUp, Gain bestGain, Gain setAside,
            Upgrade upgrade, String fastest, String summary) {}

    /**
     * @param ndcgGain nDCG@10 points (x100) gained; @param extraMillis p95 milliseconds added at the target size
     * @param interval 95% paired-bootstrap interval of the gain in points over the queries; null without per-query values
     */
    public record Upgrade(String configuration, String phrase, double ndcgGain, double extraMillis, ConfidenceInterval interval) {}

    /**
     * nDCG@10 points (x100) one configuration scores above another on the same queries, with its 95% paired-bootstrap
     * interval (null without per-query values); {@code withinNoise} when the interval holds zero.
     */
    public record Gain(String over, double points, ConfidenceInterval interval, int queries) {
        public boolean withinNoise() {
            return interval != null && interval.low() <= 0 && interval.high() >= 0;
        }
    }

    public Optional<Configuration> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

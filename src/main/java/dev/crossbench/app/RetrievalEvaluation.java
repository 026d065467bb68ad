package dev.crossbench.app;

import dev.crossbench.bench.TimingStats;
import dev.crossbench.data.RetrievalDataCheck;
import dev.crossbench.eval.IrEvaluation;
import dev.crossbench.eval.ScoredDoc;
import dev.crossbench.index.CacheOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of a retrieval evaluation: metrics of the bi-encoder alone and of the two-stage pipeline
 * (per query too), per-stage latencies over the query set, and a rerank-depth sweep.
 *
 * @param reranker the second stage's name, null for the bi-encoder alone
 * @param twoStage metrics of the reranked top K, null without a reranker
 * @param notes adjustments made to the request (e.g. K clamped to the corpus size)
 * @param firstStageRun the bi-encoder's ranked documents per query (for TREC run files)
 * @param twoStageRun the final ranking at K per query, null without a reranker
 */
public record RetrievalEvaluation(String biEncoder, String engine, String reranker, String index, String documentFormat,
        int corpusSize, int queriesEvaluated, int queriesWithoutJudgements, RetrievalDataCheck.Report dataReport,
        List<String> notes, Embeddings embeddings, int rerankDepth, int retrievalDepth, IrEvaluation firstStage,
        IrEvaluation twoStage, StageTimes times, List<SweepPoint> sweep, Map<String, QueryTimes> perQueryTimes,
        Map<String, List<ScoredDoc>> firstStageRun, Map<String, List<ScoredDoc>> twoStageRun) {

    /** How the corpus embeddings and the index were obtained, and what it cost this run. */
    public record Embeddings(CacheOutcome outcome, String note, Path file, double encodeSeconds, double cacheSeconds,
            int chunksReused, double indexSeconds, boolean indexFromDisk) {}

    /** Per-query stage latencies over the query set; {@code rerank} null without a reranker. */
    public record StageTimes(TimingStats encodeQuery, TimingStats search, TimingStats rerank, TimingStats total) {}

    /** One query's stage times in nanoseconds (rerank 0 without a reranker). */
    public record QueryTimes(long encodeNanos, long searchNanos, long rerankNanos) {}

    /** Quality and rerank latency at one rerank depth K. */
    public record SweepPoint(int depth, IrEvaluation evaluation, TimingStats rerank, TimingStats total) {}
}

package dev.crossbench.app.bench;

import dev.crossbench.bench.BertFlops;
import dev.crossbench.bench.MatmulRoofline;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one query costs at rerank depth K: the cross-encoder reads K (query, candidate) pairs,
 * while a bi-encoder either encodes the same K candidates (same model size: the compute ratio)
 * or, as in a real index, only the query plus K dot products against stored vectors (the latency
 * ratio the article's "~1000x slower per candidate" refers to).
 */
public final class RerankCostBenchmark {
    private double blackhole;

    /** Timings at one depth; latencies are medians over the repeats, in milliseconds. */
    public record Depth(int k, double crossMs, double crossPairsPerSecond, double crossGflops, double biEncodeMs,
            double biQueryOnlyMs, double crossOverBiEncode, double crossOverBiIndexed) {}

    /**
     * One depth set against the rooflines: what `bench score` prints and writes (field names are its JSON keys).
     *
     * @param engine              the --engine value the models were opened with
     * @param limitMsPerCandidate a pair's FLOPs at the machine's best matmul speed: the floor on this machine
     * @param shareOfRoofline     achieved GFLOP/s over the matmul of the engine the cross-encoder ran on
     */
    public record Row(String engine, String crossEngine, int maxLength, int k, double crossMs, double msPerCandidate,
            double limitMsPerCandidate, double crossPairsPerSecond, double crossGflops, double shareOfRoofline,
            double shareOfMachineBest, double biEncodeMs, double biQueryOnlyMs, double crossOverBiEncode,
            double crossOverBiIndexed) {

        public static Row of(String engine, String crossEngine, int maxLength, Depth d, MatmulRoofline.Result own,
                MatmulRoofline.Result machineBest) {
            double pairFlops = d.crossGflops() * 1e9 * (d.crossMs() / 1e3) / d.k();
            return new Row(engine, crossEngine, maxLength, d.k(), d.crossMs(), d.crossMs() / d.k(),
                    pairFlops / (machineBest.bestGflops() * 1e9) * 1e3, d.crossPairsPerSecond(), d.crossGflops(),
                    d.crossGflops() / own.bestGflops(), d.crossGflops() / machineBest.bestGflops(), d.biEncodeMs(),
                    d.biQueryOnlyMs(), d.crossOverBiEncode(), d.crossOverBiIndexed());
        }
    }

    /** Everything `bench score --json` writes. */
    public record Result(String cross, String bi, List<MatmulRoofline.Result> rooflines, MatmulRoofline.Result machineBest,
            List<Row> depths) {}

    public List<Depth> run(CrossEncoder cross, BertConfig crossConfig, BiEncoder bi, String query, List<String> pool,
            int[] depths, int repeats) {
        List<Depth> out = new ArrayList<>();
        for (int k : depths) {
            List<String> docs = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                docs.add(pool.get(i % pool.size()));
            }
            List<String> queries = Collections.nCopies(k, query);
            cross.predict(queries.subList(0, Math.min(k, 8)), docs.subList(0, Math.min(k, 8))); // warm-up
            bi.encode(docs.subList(0, Math.min(k, 8)));
            float[][] stored = bi.encode(docs);
            List<Long> crossNs = new ArrayList<>();
            List<Long> biNs = new ArrayList<>();
            List<Long> indexedNs = new ArrayList<>();
            long crossPadded = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                cross.predict(queries, docs);
                crossNs.add(System.nanoTime() - t0);
                crossPadded = cross.lastPaddedTokens();
                t0 = System.nanoTime();
                bi.encode(docs, "", EncodeProgress.NONE, () -> false);
                biNs.add(System.nanoTime() - t0);
                t0 = System.nanoTime();
                float[] q = bi.encode(List.of(query))[0];
                double sink = 0;
                for (float[] d : stored) {
                    sink += dev.crossbench.index.VectorMath.dot(q, d);
                }
                indexedNs.add(System.nanoTime() - t0);
                blackhole += sink; // keeps the dot products from being optimised away
            }
            double crossMs = TimingStats.of(crossNs).medianNanos() / 1e6;
            double biMs = TimingStats.of(biNs).medianNanos() / 1e6;
            double idxMs = TimingStats.of(indexedNs).medianNanos() / 1e6;
            // Average padded length per pair approximates the attention part of the FLOP count.
            int avgLen = (int) Math.max(1, crossPadded / Math.max(1, k));
            double flops = crossPadded * BertFlops.flopsPerToken(crossConfig, avgLen);
            out.add(new Depth(k, crossMs, k / (crossMs / 1e3), flops / (crossMs / 1e3) / 1e9, biMs, idxMs, crossMs / biMs,
                    crossMs / idxMs));
        }
        return out;
    }
}

package dev.crossbench.dedup;

import dev.crossbench.bench.StageTime;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.ExactAllPairs;
import dev.crossbench.index.HnswIndex;
import dev.crossbench.index.HnswParams;
import dev.crossbench.index.Neighbor;
import dev.crossbench.model.EncodeProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import java.util.stream.IntStream;

/**
 * Candidate duplicate pairs from unit-length embeddings (one row per distinct text): each row's k nearest
 * other rows, kept when their cosine is at or above a minimum. A pair is a candidate when either text has the
 * other among its k nearest, so a text with many near-copies still finds k of them. Two ways, with the same
 * rule: {@link #exact} compares all n(n-1)/2 pairs (brute force); {@link #hnsw} builds an HNSW graph and asks
 * it for each row's neighbours, comparing far fewer pairs (counted, building included) at the price of
 * missing a few.
 */
public final class CandidateSearch {
    public enum Method { EXACT, HNSW }

    /**
     * @param comparisons vector comparisons made (HNSW: building the graph and searching it)
     * @param index building the HNSW graph ({@link StageTime#ZERO} for exact)
     * @param search finding the neighbours (exact: comparing all pairs)
     */
    public record Candidates(Method method, String description, List<CandidatePair> pairs, long comparisons,
            StageTime index, StageTime search) {}

    private CandidateSearch() {}

    public static Candidates exact(EmbeddingMatrix m, int k, float minScore, EncodeProgress progress,
            BooleanSupplier cancelled) {
        StageTime.Mark mark = StageTime.start();
        ExactAllPairs.Result r = ExactAllPairs.topK(m, k, minScore, progress, cancelled);
        return new Candidates(Method.EXACT, "exact (all pairs)", pairs(r.neighbors(), k, minScore), r.comparisons(),
                StageTime.ZERO, mark.stop());
    }

    /**
     * @param buildProgress (rows inserted, rows) while the graph is built
     * @param searchProgress (rows searched, rows) while neighbours are looked up
     */
    public static Candidates hnsw(EmbeddingMatrix m, HnswParams params, int k, float minScore, int threads,
            IntBinaryOperator buildProgress, EncodeProgress searchProgress, BooleanSupplier cancelled) {
        LongAdder comparisons = new LongAdder();
        StageTime.Mark build = StageTime.start();
        HnswIndex index = HnswIndex.build(m, params, threads, buildProgress, cancelled, comparisons);
        StageTime built = build.stop();
        StageTime.Mark search = StageTime.start();
        index.setEf(Math.max(params.ef(), k + 1));
        int n = m.rows();
        List<List<Neighbor>> neighbors = new ArrayList<>(n);
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().mapToObj(row -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("neighbour search cancelled after " + done.get() + " of " + n + " texts");
            }
            List<Neighbor> found = index.search(m.row(row), k + 1);
            int d = done.incrementAndGet();
            if (d % 1024 == 0 || d == n) {
                searchProgress.onProgress(d, n);
            }
            return withoutRow(found, row, k);
        }).forEachOrdered(neighbors::add);
        StageTime searched = search.stop();
        return new Candidates(Method.HNSW, "hnsw(" + index.params() + ")", pairs(neighbors, k, minScore),
                comparisons.sum(), built, searched);
    }

    /** A row's neighbours without the row itself, at most k. */
    static List<Neighbor> withoutRow(List<Neighbor> found, int row, int k) {
        List<Neighbor> out = new ArrayList<>(k);
        for (Neighbor nb : found) {
            if (nb.row() != row && out.size() < k) {
                out.add(nb);
            }
        }
        return out;
    }

    /** Each unordered pair once, from every row's neighbour list (best first), at or above the minimum. */
    static List<CandidatePair> pairs(List<List<Neighbor>> neighbors, int k, float minScore) {
        Set<Long> seen = new HashSet<>();
        List<CandidatePair> out = new ArrayList<>();
        for (int row = 0; row < neighbors.size(); row++) {
            List<Neighbor> list = neighbors.get(row);
            for (int i = 0; i < Math.min(k, list.size()); i++) {
                Neighbor nb = list.get(i);
                if (nb.score() >= minScore && nb.row() != row && seen.add(CandidatePair.key(row, nb.row()))) {
                    out.add(new CandidatePair(Math.min(row, nb.row()), Math.max(row, nb.row()), nb.score()));
                }
            }
        }
        out.sort(BY_SCORE);
        return out;
    }

    /** Highest cosine first, then by texts, so output is stable. */
    public static final Comparator<CandidatePair> BY_SCORE = Comparator.comparingDouble((CandidatePair p) -> -p.biScore())
            .thenComparingInt(CandidatePair::a).thenComparingInt(CandidatePair::b);
}

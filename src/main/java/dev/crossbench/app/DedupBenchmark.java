package dev.crossbench.app;

import dev.crossbench.bench.StageTime;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.ExactAllPairs;
import dev.crossbench.index.RandomRotation;
import dev.crossbench.model.encode.BiEncoder;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Candidate generation at scale against comparing all pairs: the input's distinct texts are embedded (cached),
 * optionally expanded to more vectors with randomly rotated copies of the real embeddings (synthetic: a copy's
 * neighbours are the rotated neighbours of the original, and copies are nearly orthogonal to each other, so every
 * copy is a replica of the real duplicate structure), then candidates are found as {@code dedup} finds them, with the
 * all-pairs cost on a sample; optionally all pairs of the whole set are compared too (measured brute force, and the
 * share of its candidates the index found).
 */
public final class DedupBenchmark {
    /**
     * @param realVectors distinct texts embedded; {@code vectors} past them are rotated copies
     * @param bruteForce all pairs of all vectors compared (null unless asked)
     * @param candidateRecall share of the brute force's candidates that {@code run} found (NaN without brute force)
     */
    public record Result(String model, String engine, int realVectors, int vectors, CacheOutcome embeddings, StageTime encode,
            CandidateSearch.Candidates candidates, DedupResult.AllPairsCost sample, CandidateSearch.Candidates bruteForce,
            double candidateRecall) {
        public long allPairCount() {
            return ExactAllPairs.pairs(vectors);
        }

        /** Wall and CPU time of comparing all pairs: measured when brute force ran, else extrapolated from the sample. */
        public double[] allPairsNanos() {
            if (bruteForce != null) {
                return new double[] {bruteForce.search().wallNanos(), bruteForce.search().cpuNanos()};
            }
            if (sample == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {sample.nanosPerPair() * allPairCount(), sample.cpuNanosPerPair() * allPairCount()};
        }
    }

    private final DedupService service;

    public DedupBenchmark(DedupService service) {
        this.service = service;
    }

    /**
     * @param expandTo total vectors (rotated copies past the real ones; at most the real count is used when smaller)
     * @param bruteForce also compare all pairs of every vector
     */
    public Result run(DedupInput input, BiEncoder bi, DedupSettings settings, int expandTo, boolean bruteForce, long seed,
            TaskProgress progress, BooleanSupplier cancelled) {
        if (!input.needsModels()) {
            throw new IllegalArgumentException("fewer than two distinct texts: nothing to compare");
        }
        StageTime.Mark encoding = StageTime.start();
        DedupService.Embedded embedded = service.embed(input, bi, progress, cancelled);
        StageTime encode = encoding.stop();
        EmbeddingMatrix real = embedded.matrix();
        EmbeddingMatrix m = real;
        if (expandTo > real.rows()) {
            EmbeddingMatrix copies = RandomRotation.replicate(real, expandTo, seed);
            float[] data = java.util.Arrays.copyOf(copies.data(), expandTo * real.dimension());
            m = new EmbeddingMatrix(expandTo, real.dimension(), data);
        }
        DedupService.CandidateRun run = service.findCandidates(m, settings, progress, cancelled);
        CandidateSearch.Candidates all = null;
        double recall = Double.NaN;
        if (bruteForce) {
            all = run.allPairs() != null && run.allPairs().whole() ? run.candidates()
                    : CandidateSearch.exact(m, settings.topK(), (float) settings.candidateThreshold(),
                            (d, t) -> progress.update(DedupService.ALL_PAIRS_PHASE, d, t), cancelled);
            recall = recall(run.candidates(), all);
        }
        return new Result(bi.descriptor().name(), bi.backend().description(), real.rows(), m.rows(), embedded.outcome(), encode,
                run.candidates(), run.allPairs() != null && run.allPairs().whole() ? null : run.allPairs(), all, recall);
    }

    static double recall(CandidateSearch.Candidates found, CandidateSearch.Candidates exact) {
        if (exact.pairs().isEmpty()) {
            return Double.NaN;
        }
        Set<Long> keys = new HashSet<>(found.pairs().size() * 2);
        found.pairs().forEach(p -> keys.add(p.key()));
        long hit = 0;
        for (CandidatePair p : exact.pairs()) {
            hit += keys.contains(p.key()) ? 1 : 0;
        }
        return (double) hit / exact.pairs().size();
    }
}

package dev.crossbench.app;

import dev.crossbench.bench.StageTime;
import dev.crossbench.data.DedupFiles;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.TextGroups;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.index.ExactAllPairs;
import java.util.ArrayList;
import java.util.List;

/**
 * What deduplication found: every candidate pair down to the candidate threshold, with its cosine and (when
 * a cross-encoder verified) its cross-encoder score, so any threshold at or above the candidate threshold can be
 * applied afterwards ({@link #accepted}, {@link #clusters}) without running the models again; plus the work
 * done and what comparing all pairs would have cost.
 *
 * @param model the bi-encoder, null when there was nothing to compare (and no model ran)
 * @param candidates how the candidates were found (null when fewer than two distinct texts: nothing to compare)
 * @param pairs the candidate pairs, highest cosine first
 * @param encode encoding the distinct texts (or reading their cached embeddings)
 * @param cross the cross-encoder scoring every candidate (zero without one)
 * @param allPairs all pairs of a sample (or of all distinct texts) compared and timed; null when not measured
 */
public record DedupResult(DedupInput input, DedupSettings settings, String model,
        String engine, String crossEncoder, String crossEngine, CandidateSearch.Candidates candidates,
        List<CandidatePair> pairs, CacheOutcome embeddings, StageTime encode, StageTime cross, AllPairsCost allPairs) {

    /**
     * All pairs of {@code texts} distinct texts compared in {@code time}; {@code whole} when those were all
     * the input's distinct texts (measured, not extrapolated).
     */
    public record AllPairsCost(int texts, long comparisons, StageTime time, boolean whole) {
        public double nanosPerPair() {
            return comparisons == 0 ? Double.NaN : (double) time.wallNanos() / comparisons;
        }

        public double cpuNanosPerPair() {
            return comparisons == 0 || time.cpuNanos() < 0 ? Double.NaN : (double) time.cpuNanos() / comparisons;
        }
    }

    public int rows() {
        return input.rows();
    }

    public TextGroups groups() {
        return input.groups();
    }

    public boolean verified() {
        return crossEncoder != null;
    }

    /** n(n-1)/2 over the input rows: what comparing every text with every other takes. */
    public long allPairCount() {
        return ExactAllPairs.pairs(rows());
    }

    /** Vector comparisons made (0 when there was nothing to compare); identical texts were found by hashing. */
    public long comparisons() {
        return candidates == null ? 0 : candidates.comparisons();
    }

    /** The rule of the settings: cosine threshold, and the cross threshold when a cross-encoder verified. */
    public AcceptRule rule() {
        return new AcceptRule(settings.threshold(), verified() ? settings.crossThreshold() : null);
    }

    /** Candidates the rule accepts; the rule's cosine threshold may not be below the candidate threshold. */
    public List<CandidatePair> accepted(AcceptRule rule) {
        if (rule.biThreshold() < settings.candidateThreshold() - 1e-9) {
            throw new IllegalArgumentException("threshold " + rule.biThreshold() + " is below the candidate threshold "
                    + settings.candidateThreshold() + " of this run: run again with a lower candidate threshold");
        }
        if (rule.verifies() && !verified()) {
            throw new IllegalArgumentException("no cross-encoder verified these candidates");
        }
        return pairs.stream().filter(rule::accepts).toList();
    }

    public Clusters clusters(AcceptRule rule) {
        return Clusters.of(groups(), accepted(rule));
    }

    /**
     * The duplicate pairs under a rule, as written to the pairs file: each copy of an identical text with the
     * text's first row (cosine 1, not scored), then the accepted pairs (between the first rows of their texts),
     * highest cosine first.
     */
    public List<DedupFiles.PairRow> pairRows(AcceptRule rule) {
        List<DedupFiles.PairRow> out = new ArrayList<>();
        TextGroups g = groups();
        for (int group = 0; group < g.groups(); group++) {
            int[] rows = g.rowsOf(group);
            for (int i = 1; i < rows.length; i++) {
                out.add(row(rows[0], rows[i], 1.0, Double.NaN));
            }
        }
        for (CandidatePair p : accepted(rule)) {
            out.add(row(g.firstRow(p.a()), g.firstRow(p.b()), p.biScore(), p.crossScore()));
        }
        return out;
    }

    private DedupFiles.PairRow row(int r1, int r2, double bi, double cross) {
        return new DedupFiles.PairRow(input.id(r1), input.id(r2), input.texts().get(r1), input.texts().get(r2), bi, cross);
    }

    /** The clusters under a rule, largest first, as written to the clusters file. */
    public List<DedupFiles.ClusterRow> clusterRows(Clusters clusters) {
        List<DedupFiles.ClusterRow> out = new ArrayList<>(clusters.list().size());
        int number = 1;
        for (Clusters.Cluster c : clusters.list()) {
            List<String> ids = new ArrayList<>(c.size());
            List<String> texts = new ArrayList<>(c.size());
            for (int r : c.rows()) {
                ids.add(input.id(r));
                texts.add(input.texts().get(r));
            }
            out.add(new DedupFiles.ClusterRow(number++, ids, texts, c.pairs(), c.minBiScore()));
        }
        return out;
    }

    /** Time (wall, CPU) to compare every pair of input texts with the bi-encoder's vectors, from the measured all-pairs cost. */
    public double[] bruteForceBiNanos() {
        return allPairs == null ? new double[] {Double.NaN, Double.NaN}
                : new double[] {allPairs.nanosPerPair() * allPairCount(), allPairs.cpuNanosPerPair() * allPairCount()};
    }

    /** Cross-encoder cost per pair (wall, CPU), measured on the candidates; NaN without a cross-encoder or candidates. */
    public double[] crossNanosPerPair() {
        if (!verified() || pairs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {(double) cross.wallNanos() / pairs.size(),
            cross.cpuNanos() < 0 ? Double.NaN : (double) cross.cpuNanos() / pairs.size()};
    }

    /** Time (wall, CPU) for the cross-encoder to score every pair of input texts, from its cost per candidate. */
    public double[] bruteForceCrossNanos() {
        double[] per = crossNanosPerPair();
        return new double[] {per[0] * allPairCount(), per[1] * allPairCount()};
    }
}

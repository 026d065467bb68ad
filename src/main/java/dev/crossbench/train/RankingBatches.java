package dev.crossbench.train;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Listwise training examples: for every relevant document of every query, a group of that document
 * followed by {@code negatives} of the query's negatives, drawn afresh each epoch (seeded), so several
 * epochs see different hard negatives; {@code negatives} may be 0 for losses whose negatives are the batch's other documents. Groups are shuffled and packed {@code groupsPerBatch} to a batch.
 */
final class RankingBatches {
    private final List<RankingGroup> groups;
    private final int negatives;
    private final int groupsPerBatch;
    private final long seed;
    private final int groupsPerEpoch;

    /**
     * The batches a ranking trainer runs on, after the checks both trainers need: something to draw from each epoch
     * ({@code whenNothingToDraw} says what is missing otherwise) and dev groups to pick the best epoch with.
     */
    static RankingBatches forTraining(List<RankingGroup> train, List<RankingGroup> dev, int negatives, int groupsPerBatch,
            long seed, String whenNothingToDraw) {
        RankingBatches batches = new RankingBatches(train, negatives, groupsPerBatch, seed);
        if (batches.groupsPerEpoch() == 0) {
            throw new CrossbenchException(whenNothingToDraw);
        }
        if (dev.isEmpty()) {
            throw new CrossbenchException("the dev groups are empty; they are needed to pick the best epoch");
        }
        return batches;
    }

    RankingBatches(List<RankingGroup> groups, int negatives, int groupsPerBatch, long seed) {
        this.groups = groups;
        this.negatives = negatives;
        this.groupsPerBatch = groupsPerBatch;
        this.seed = seed;
        int n = 0;
        for (RankingGroup g : groups) {
            n += skipped(g) ? 0 : g.positives().size();
        }
        this.groupsPerEpoch = n;
    }

    /** A query without negatives has nothing to rank against, unless none are asked for (in-batch negatives). */
    private boolean skipped(RankingGroup g) {
        return negatives > 0 && g.negatives().isEmpty();
    }

    /** Training groups per epoch: one per relevant document of a query that has negatives (or of every query when none are drawn). */
    int groupsPerEpoch() {
        return groupsPerEpoch;
    }

    int batchesPerEpoch() {
        return (groupsPerEpoch + groupsPerBatch - 1) / groupsPerBatch;
    }

    int groupSize() {
        return negatives + 1;
    }

    List<PairTrainer.Batch> batches(int epoch) {
        Random random = new Random(seed * 31 + epoch);
        List<List<LabeledPair>> epochGroups = new ArrayList<>(groupsPerEpoch);
        for (RankingGroup g : groups) {
            if (skipped(g)) {
                continue;
            }
            for (String positive : g.positives()) {
                List<LabeledPair> group = new ArrayList<>(negatives + 1);
                group.add(new LabeledPair(g.query(), positive, 1));
                for (String negative : draw(g.negatives(), random)) {
                    group.add(new LabeledPair(g.query(), negative, 0));
                }
                epochGroups.add(group);
            }
        }
        Collections.shuffle(epochGroups, random);
        List<PairTrainer.Batch> batches = new ArrayList<>();
        for (int start = 0; start < epochGroups.size(); start += groupsPerBatch) {
            List<LabeledPair> pairs = new ArrayList<>();
            for (List<LabeledPair> group : epochGroups.subList(start, Math.min(epochGroups.size(), start + groupsPerBatch))) {
                pairs.addAll(group);
            }
            double[] labels = new double[pairs.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = pairs.get(i).score();
            }
            batches.add(new PairTrainer.Batch(pairs, labels));
        }
        return batches;
    }

    /** {@code negatives} distinct negatives when the query has that many, else all of them repeated round-robin. */
    private List<String> draw(List<String> pool, Random random) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<String> out = new ArrayList<>(negatives);
        for (int i = 0; i < negatives; i++) {
            out.add(shuffled.get(i % shuffled.size()));
        }
        return out;
    }
}

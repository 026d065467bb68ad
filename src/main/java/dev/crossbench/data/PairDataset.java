package dev.crossbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An immutable list of labeled pairs with a display name and, when read from disk, the file it came from. */
public final class PairDataset {
    private final String name;
    private final Path source;
    private final List<LabeledPair> pairs;
    private final double minScore;
    private final double maxScore;

    /** @param source the file the pairs were read from, or null for pairs made in memory */
    public PairDataset(String name, Path source, List<LabeledPair> pairs) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.pairs = List.copyOf(pairs);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LabeledPair p : this.pairs) {
            min = Math.min(min, p.score());
            max = Math.max(max, p.score());
        }
        // An empty data set has no observed range; NaN keeps that visible instead of inventing one.
        this.minScore = this.pairs.isEmpty() ? Double.NaN : min;
        this.maxScore = this.pairs.isEmpty() ? Double.NaN : max;
    }

    public String name() {
        return name;
    }

    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public List<LabeledPair> pairs() {
        return pairs;
    }

    public LabeledPair get(int index) {
        return pairs.get(index);
    }

    public int size() {
        return pairs.size();
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** Smallest gold score present; NaN when the data set is empty. */
    public double minScore() {
        return minScore;
    }

    /** Largest gold score present; NaN when the data set is empty. */
    public double maxScore() {
        return maxScore;
    }

    /** The gold scores in pair order, ready for correlation. */
    public double[] scores() {
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = pairs.get(i).score();
        }
        return scores;
    }

    public List<String> sentences1() {
        List<String> out = new ArrayList<>(pairs.size());
        pairs.forEach(p -> out.add(p.sentence1()));
        return List.copyOf(out);
    }

    public List<String> sentences2() {
        List<String> out = new ArrayList<>(pairs.size());
        pairs.forEach(p -> out.add(p.sentence2()));
        return List.copyOf(out);
    }

    /**
     * Every distinct text once, in the order first seen (sentence1 then sentence2 of each pair), so a
     * bi-encoder embeds each text only once.
     */
    public List<String> uniqueSentences() {
        Set<String> seen = new LinkedHashSet<>();
        for (LabeledPair p : pairs) {
            seen.add(p.sentence1());
            seen.add(p.sentence2());
        }
        return List.copyOf(seen);
    }

    @Override
    public String toString() {
        return name + " (" + pairs.size() + " pairs, scores " + minScore + ".." + maxScore + ")";
    }
}

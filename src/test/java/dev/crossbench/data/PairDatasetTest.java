package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairDatasetTest {
    private final List<LabeledPair> pairs = List.of(
            new LabeledPair("a", "b", 2),
            new LabeledPair("b", "c", 4),
            new LabeledPair("c", "a", 1));

    @Test
    void keepsAnImmutableCopyAndTheObservedRange() {
        List<LabeledPair> source = new ArrayList<>(pairs);
        PairDataset data = new PairDataset("mini", null, source);
        source.clear();
        assertEquals(3, data.size());
        assertTrue(data.source().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> data.pairs().add(pairs.get(0)));
        assertEquals(1.0, data.minScore());
        assertEquals(4.0, data.maxScore());
        assertArrayEquals(new double[] {2, 4, 1}, data.scores());
        assertEquals(List.of("a", "b", "c"), data.sentences1());
        assertEquals(List.of("b", "c", "a"), data.sentences2());
    }

    @Test
    void uniqueSentencesInFirstSeenOrder() {
        PairDataset data = new PairDataset("mini", null, List.of(
                new LabeledPair("x", "y", 0), new LabeledPair("z", "x", 0), new LabeledPair("y", "w", 0)));
        assertEquals(List.of("x", "y", "z", "w"), data.uniqueSentences());
    }

    @Test
    void emptyDatasetHasNoRange() {
        PairDataset empty = new PairDataset("none", null, List.of());
        assertTrue(Double.isNaN(empty.minScore()));
        assertTrue(Double.isNaN(empty.maxScore()));
    }

    @Test
    void pairRejectsMissingTextAndNonFiniteScore() {
        assertThrows(NullPointerException.class, () -> new LabeledPair(null, "b", 1));
        assertThrows(IllegalArgumentException.class, () -> new LabeledPair("a", "b", Double.NaN));
    }
}

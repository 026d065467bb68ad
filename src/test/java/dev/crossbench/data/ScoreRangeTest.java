package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.core.CrossbenchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreRangeTest {
    @Test
    void normalisesToUnitIntervalAndBack() {
        ScoreRange stsb = ScoreRange.declared(0, 5);
        assertEquals(0.0, stsb.normalise(0));
        assertEquals(0.5, stsb.normalise(2.5));
        assertEquals(1.0, stsb.normalise(5));
        assertEquals(3.75, stsb.denormalise(0.75));
        ScoreRange sick = ScoreRange.declared(1, 5);
        assertEquals(0.25, sick.normalise(2));
    }

    @Test
    void clampsValuesOutsideTheRange() {
        ScoreRange range = ScoreRange.declared(0, 5);
        assertEquals(0.0, range.normalise(-1));
        assertEquals(1.0, range.normalise(7));
    }

    @Test
    void observedRangeComesFromTheData() {
        PairDataset data = new PairDataset("d", null,
                List.of(new LabeledPair("a", "b", 1), new LabeledPair("c", "d", 3)));
        assertEquals(new ScoreRange(1, 3), ScoreRange.observed(data));
    }

    @Test
    void rejectsEmptyOrConstantRanges() {
        assertThrows(CrossbenchException.class, () -> ScoreRange.declared(5, 0));
        assertThrows(CrossbenchException.class, () -> ScoreRange.declared(0, Double.POSITIVE_INFINITY));
        PairDataset constant = new PairDataset("flat", null,
                List.of(new LabeledPair("a", "b", 2), new LabeledPair("c", "d", 2)));
        CrossbenchException e = assertThrows(CrossbenchException.class, () -> ScoreRange.observed(constant));
        assertTrue(e.getMessage().contains("flat"), e.getMessage());
    }

    @Test
    void requireCoversNamesTheFirstPairOutside() {
        PairDataset data = new PairDataset("d", null,
                List.of(new LabeledPair("a", "b", 1), new LabeledPair("c", "d", 6)));
        ScoreRange.declared(0, 6).requireCovers(data);
        CrossbenchException e = assertThrows(CrossbenchException.class,
                () -> ScoreRange.declared(0, 5).requireCovers(data));
        assertTrue(e.getMessage().contains("pair 2 has the score 6.0"), e.getMessage());
    }
}

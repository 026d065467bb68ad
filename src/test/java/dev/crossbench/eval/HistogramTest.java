package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void equalWidthBinsWithTheMaximumInTheLastBin() {
        Histogram h = Histogram.of(new double[] {0, 0.9, 1, 2.5, 4, 5}, 5);
        assertEquals(0, h.min());
        assertEquals(1, h.binWidth(), 1e-12);
        assertArrayEquals(new int[] {2, 1, 1, 0, 2}, h.counts());
        assertEquals(3, h.binStart(3), 1e-12);
    }

    @Test
    void aConstantInputIsStillDrawn() {
        Histogram h = Histogram.of(new double[] {0.7, 0.7}, 10);
        assertArrayEquals(new int[] {2}, h.counts());
        assertEquals(0.2, h.min(), 1e-12);
    }

    @Test
    void emptyInputGivesEmptyBins() {
        assertArrayEquals(new int[3], Histogram.of(new double[0], 3).counts());
    }
}

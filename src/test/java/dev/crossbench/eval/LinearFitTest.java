package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void fitsAnExactLine() {
        LinearFit f = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertEquals(2, f.slope(), 1e-12);
        assertEquals(1, f.intercept(), 1e-12);
        assertEquals(11, f.at(5), 1e-12);
    }

    @Test
    void matchesNumpyPolyfitOnNoisyData() {
        // numpy.polyfit([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1], 1) = [1.99, 0.05]
        LinearFit f = LinearFit.of(new double[] {1, 2, 3, 4, 5}, new double[] {2.1, 3.9, 6.2, 7.8, 10.1});
        assertEquals(1.99, f.slope(), 1e-12);
        assertEquals(0.05, f.intercept(), 1e-12);
    }

    @Test
    void constantXGivesAFlatLineAtTheMean() {
        LinearFit f = LinearFit.of(new double[] {2, 2, 2}, new double[] {1, 2, 6});
        assertEquals(0, f.slope());
        assertEquals(3, f.intercept(), 1e-12);
    }

    @Test
    void rejectsUnpairedInput() {
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1}, new double[] {1, 2}));
    }
}

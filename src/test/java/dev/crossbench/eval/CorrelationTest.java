package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final double EPS = 1e-12;

    @Test
    void perfectAndPerfectlyInverse() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, Correlation.pearson(x, new double[] {2, 4, 6, 8, 10}), EPS);
        assertEquals(-1.0, Correlation.pearson(x, new double[] {10, 8, 6, 4, 2}), EPS);
        // Monotone but not linear: Spearman is exactly 1, Pearson is not.
        double[] cubes = {1, 8, 27, 64, 125};
        assertEquals(1.0, Correlation.spearman(x, cubes), EPS);
        assertTrue(Correlation.pearson(x, cubes) < 0.99);
        assertEquals(-1.0, Correlation.spearman(x, new double[] {5, 1, 0, -3, -40}), EPS);
    }

    /** Issue 11, defect 9: scores near +-Double.MAX_VALUE used to overflow to NaN / -0.00. */
    @Test
    void pearsonIsRightForScoresNearTheLargestDouble() {
        double[] small = {1.7, -1.7, 1.0, -0.5, 0};
        double[] pred = {0.9, 0.1, 0.7, 0.3, 0.5};
        double[] huge = new double[small.length];
        for (int i = 0; i < small.length; i++) {
            huge[i] = small[i] * 1e308;
        }
        assertEquals(0.993459989489427, Correlation.pearson(small, pred), EPS);
        assertEquals(Correlation.pearson(small, pred), Correlation.pearson(huge, pred), EPS);
        assertEquals(1.0, Correlation.pearson(huge, small), EPS);
        assertEquals(-1.0, Correlation.pearson(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0},
                new double[] {-1, 1, 0}), EPS);
        double[] tiny = {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE};
        assertEquals(1.0, Correlation.pearson(tiny, new double[] {1, 2, 3}), EPS);
    }

    @Test
    void ranksAverageTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.ranks(new double[] {1, 2, 2, 3}));
        assertArrayEquals(new double[] {4, 1.5, 5, 1.5, 6, 8, 3, 7},
                Correlation.ranks(new double[] {3, 1, 4, 1, 5, 9, 2, 6}));
        assertArrayEquals(new double[] {2, 2, 2}, Correlation.ranks(new double[] {7, 7, 7}));
    }

    @Test
    void spearmanWithTiesIsPearsonOfAverageRanks() {
        // scipy.stats.spearmanr([1,2,2,3], [1,2,3,4]).statistic = 0.9486832980505139
        assertEquals(0.9486832980505139, Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), EPS);
    }

    @Test
    void matchesScipyOnSmallExamples() {
        // scipy 1.17.1: pearsonr(x, y).statistic = 0.9752280923500434, spearmanr(x, y).statistic = 0.9761904761904763
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {2.1, 3.9, 6.2, 7.8, 9.5, 12.5, 11.0, 16.0};
        assertEquals(0.9752280923500434, Correlation.pearson(x, y), EPS);
        assertEquals(0.9761904761904763, Correlation.spearman(x, y), EPS);
        // With ties on both sides: pearsonr = 0.5406947784570655, spearmanr = 0.5495502618648208
        double[] tx = {1, 2, 2, 3, 5, 5, 5, 8};
        double[] ty = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(0.5406947784570655, Correlation.pearson(tx, ty), EPS);
        assertEquals(0.5495502618648208, Correlation.spearman(tx, ty), EPS);
    }

    @Test
    void constantSideGivesNaNAsScipyDoes() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
        assertTrue(Double.isNaN(Correlation.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3})));
    }

    @Test
    void rejectsUnpairedShortOrNonFiniteInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Correlation.spearman(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}

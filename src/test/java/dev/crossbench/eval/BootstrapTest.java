package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    /** Noisy linear data: y = x + gaussian noise, so the correlation is high but not perfect. */
    private static double[][] noisy(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 5;
            y[i] = x[i] + 1.5 * gaussian(random);
        }
        return new double[][] {x, y};
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void sameSeedSameInterval() {
        double[][] d = noisy(200, 1);
        ConfidenceInterval a = Bootstrap.correlationInterval(d[0], d[1], true, 500, 42, 0.95);
        ConfidenceInterval b = Bootstrap.correlationInterval(d[0], d[1], true, 500, 42, 0.95);
        assertEquals(a, b);
        ConfidenceInterval other = Bootstrap.correlationInterval(d[0], d[1], true, 500, 43, 0.95);
        assertNotEquals(a, other);
    }

    @Test
    void intervalHoldsThePointEstimateAndNarrowsWithMoreData() {
        for (boolean spearman : new boolean[] {false, true}) {
            double[][] small = noisy(100, 7);
            double[][] large = noisy(2000, 7);
            double estimate = spearman ? Correlation.spearman(small[0], small[1]) : Correlation.pearson(small[0], small[1]);
            ConfidenceInterval ci = Bootstrap.correlationInterval(small[0], small[1], spearman, 1000, 3, 0.95);
            assertTrue(ci.contains(estimate), ci + " should hold " + estimate);
            assertTrue(ci.low() < ci.high());
            assertEquals(0.95, ci.level());
            ConfidenceInterval wide = Bootstrap.correlationInterval(large[0], large[1], spearman, 1000, 3, 0.95);
            assertTrue(wide.width() < ci.width(), "more pairs should give a narrower interval");
            ConfidenceInterval ninety = Bootstrap.correlationInterval(small[0], small[1], spearman, 1000, 3, 0.90);
            assertTrue(ninety.width() < ci.width(), "a lower level should give a narrower interval");
        }
    }

    @Test
    void perfectCorrelationHasAPointInterval() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20};
        ConfidenceInterval ci = Bootstrap.correlationInterval(x, y, false, 200, 1, 0.95);
        assertEquals(1.0, ci.low(), 1e-12);
        assertEquals(1.0, ci.high(), 1e-12);
    }

    @Test
    void undefinedCorrelationGivesNaN() {
        ConfidenceInterval ci = Bootstrap.correlationInterval(new double[] {1, 2, 3}, new double[] {5, 5, 5}, true, 50, 1, 0.95);
        assertTrue(Double.isNaN(ci.low()) && Double.isNaN(ci.high()));
    }

    @Test
    void rejectsBadArguments() {
        double[] x = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.correlationInterval(x, new double[2], false, 10, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.correlationInterval(x, x, false, 0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.correlationInterval(x, x, false, 10, 1, 1.0));
    }
}

package dev.crossbench.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BestEpochTest {
    @Test
    void keepsTheEarliestHighestAndNeverNaN() {
        BestEpoch best = new BestEpoch(new CorrelationEvaluator(null));
        assertFalse(best.offer(1, Double.NaN));
        assertEquals(0, best.epoch());
        assertTrue(best.offer(2, 0.70));
        assertFalse(best.offer(3, 0.70), "a tie keeps the earlier epoch");
        assertTrue(best.offer(4, 0.75));
        assertFalse(best.offer(5, 0.74));
        assertEquals(4, best.epoch());
        assertEquals(0.75, best.value());
    }

    @Test
    void lowerIsBetterWhenTheEvaluatorSaysSo() {
        Evaluator loss = new Evaluator() {
            @Override
            public String primaryMetric() {
                return "dev loss";
            }

            @Override
            public boolean greaterIsBetter() {
                return false;
            }

            @Override
            public Map<String, Double> evaluate(Function<List<LabeledPair>, double[]> scorer) {
                return Map.of();
            }
        };
        BestEpoch best = new BestEpoch(loss);
        assertTrue(best.offer(1, 0.9));
        assertTrue(best.offer(2, 0.4));
        assertFalse(best.offer(3, 0.5));
        assertEquals(2, best.epoch());
    }

    @Test
    void correlationEvaluatorReportsSpearmanFirstAndPearson() {
        PairDataset dev = new PairDataset("dev", null, List.of(new LabeledPair("a", "b", 1), new LabeledPair("c", "d", 2),
                new LabeledPair("e", "f", 3), new LabeledPair("g", "h", 4)));
        // ranks agree exactly (Spearman 1); the values are not linear in the gold scores
        Map<String, Double> m = new CorrelationEvaluator(dev).evaluate(pairs -> new double[] {0.1, 0.2, 0.3, 0.9});
        assertEquals(1.0, m.get(CorrelationEvaluator.SPEARMAN), 1e-12);
        assertEquals(0.8980, m.get(CorrelationEvaluator.PEARSON), 1e-4);
    }
}

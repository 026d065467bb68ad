package dev.crossbench.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MultipleNegativesRankingLossTest {
    /**
     * Two anchors a0 = (1, 0), a1 = (0, 2); candidates c0 = (3, 4), c1 = (0, 1) (the positives), c2 = (1, 0) (a hard
     * negative). Cosines: row 0 = (0.6, 0, 1), row 1 = (0.8, 1, 0); the targets are columns 0 and 1.
     */
    private static double byHand(double scale, boolean hardNegative) {
        double[][] cos = {{0.6, 0, 1}, {0.8, 1, 0}};
        int columns = hardNegative ? 3 : 2;
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            double z = 0;
            for (int j = 0; j < columns; j++) {
                z += Math.exp(scale * cos[i][j]);
            }
            sum += Math.log(z) - scale * cos[i][i];
        }
        return sum / 2;
    }

    @Test
    void lossIsTheCrossEntropyOfScaledCosinesWithPositivesOnTheDiagonal() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray anchors = m.create(new float[] {1, 0, 0, 2}, new Shape(2, 2));
            NDArray withHard = m.create(new float[] {3, 4, 0, 1, 1, 0}, new Shape(3, 2));
            NDArray inBatchOnly = m.create(new float[] {3, 4, 0, 1}, new Shape(2, 2));
            NDList unusedLabels = new NDList(m.zeros(new Shape(2)));

            float scale20 = new MultipleNegativesRankingLoss().evaluate(unusedLabels, new NDList(anchors, withHard)).getFloat();
            // row 0: log(e^12 + e^0 + e^20) - 12 = 8.000335..., row 1: log(e^16 + e^20 + 1) - 20 = 0.018149...
            assertEquals(4.009242, byHand(20, true), 1e-6);
            assertEquals(byHand(20, true), scale20, 1e-4);

            float scale1 = new MultipleNegativesRankingLoss(1f).evaluate(unusedLabels, new NDList(anchors, withHard)).getFloat();
            assertEquals(byHand(1, true), scale1, 1e-5);

            // without the hard negative a0's only competitor is c1 (cosine 0): the loss drops
            float noHard = new MultipleNegativesRankingLoss().evaluate(unusedLabels, new NDList(anchors, inBatchOnly)).getFloat();
            assertEquals(byHand(20, false), noHard, 1e-5);
            assertEquals(0.0090780, noHard, 1e-5);
        }
    }

    @Test
    void everyAnchorNeedsItsPositive() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDList predictions = new NDList(m.ones(new Shape(3, 4)), m.ones(new Shape(2, 4)));
            assertThrows(IllegalArgumentException.class,
                    () -> new MultipleNegativesRankingLoss().evaluate(new NDList(m.zeros(new Shape(3))), predictions));
        }
        assertThrows(IllegalArgumentException.class, () -> new MultipleNegativesRankingLoss(0f));
    }
}

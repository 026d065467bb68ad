package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values from numpy/scipy 1.17.1 on the same float32 embeddings (cast to float64): cosine, dot,
 * -||a-b||_2, -||a-b||_1 per pair, then scipy.stats.pearsonr / spearmanr against gold.
 */
class PairEvaluatorTest {
    private static final double EPS = 1e-9;
    private static final double[] GOLD = {4.5, 2.0, 4.0, 0.5, 3.0};
    private static final float[][] E1 = {{1, 0, 0}, {1, 1, 0}, {0, 1, 1}, {2, 0, 1}, {1, 2, 3}};
    private static final float[][] E2 = {{1, 0.5f, 0}, {0, 1, 0}, {0, 1, 0.5f}, {-1, 0, 1}, {3, 2, 1}};

    @Test
    void correlatesEverySimilarityFunction() {
        PairCorrelations result = PairEvaluator.evaluate(GOLD, E1, E2);
        assertEquals(5, result.size());
        assertArrayEquals(GOLD, result.gold());
        assertTrue(result.predicted().isEmpty());

        ScoreCorrelation cosine = result.get(SimilarityFunction.COSINE);
        assertArrayEquals(new double[] {0.8944271909999159, 0.7071067811865475, 0.9486832980505137,
                -0.3162277660168379, 0.7142857142857143}, cosine.predicted(), EPS);
        assertEquals(0.89193523797346, cosine.pearson(), EPS);
        assertEquals(0.8999999999999998, cosine.spearman(), EPS);
        assertEquals(cosine, result.main());

        ScoreCorrelation dot = result.get(SimilarityFunction.DOT);
        assertArrayEquals(new double[] {1, 1, 1.5, -1, 10}, dot.predicted(), EPS);
        assertEquals(0.25354997250923383, dot.pearson(), EPS);
        assertEquals(0.46169025843831935, dot.spearman(), EPS);

        ScoreCorrelation euclidean = result.get(SimilarityFunction.EUCLIDEAN);
        assertArrayEquals(new double[] {-0.5, -1, -0.5, -3, -2.8284271247461903}, euclidean.predicted(), EPS);
        assertEquals(0.7088555676437491, euclidean.pearson(), EPS);
        assertEquals(0.8720815992723809, euclidean.spearman(), EPS);

        ScoreCorrelation manhattan = result.get(SimilarityFunction.MANHATTAN);
        assertArrayEquals(new double[] {-0.5, -1, -0.5, -3, -4}, manhattan.predicted(), EPS);
        assertEquals(0.529126213592233, manhattan.pearson(), EPS);
        assertEquals(0.6668859288553501, manhattan.spearman(), EPS);
    }

    @Test
    void correlatesDirectPredictionsOfACrossEncoder() {
        double[] predicted = {0.9, 0.3, 0.8, 0.1, 0.5};
        PairCorrelations result = PairEvaluator.evaluate(GOLD, predicted);
        ScoreCorrelation scores = result.predicted().orElseThrow();
        assertEquals(1.0, scores.spearman(), EPS);
        assertEquals(Correlation.pearson(GOLD, predicted), scores.pearson(), 0);
        assertEquals(scores, result.main());
        assertTrue(result.bySimilarity().isEmpty());
        assertThrows(IllegalStateException.class, () -> result.get(SimilarityFunction.COSINE));
    }

    @Test
    void resultsDoNotShareArraysWithTheCaller() {
        double[] predicted = {0.9, 0.3, 0.8, 0.1, 0.5};
        PairCorrelations result = PairEvaluator.evaluate(GOLD, predicted);
        predicted[0] = 99;
        result.predicted().orElseThrow().predicted()[1] = 99;
        assertArrayEquals(new double[] {0.9, 0.3, 0.8, 0.1, 0.5}, result.main().predicted());
    }

    @Test
    void rejectsMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> PairEvaluator.evaluate(GOLD, new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> PairEvaluator.evaluate(GOLD, E1, new float[][] {{1, 2, 3}}));
        float[][] wrongDim = E2.clone();
        wrongDim[2] = new float[] {1, 2};
        assertThrows(IllegalArgumentException.class, () -> PairEvaluator.evaluate(GOLD, E1, wrongDim));
    }
}

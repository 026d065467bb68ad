package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimilarityFunctionTest {
    private static final float[] A = {1, 2, 3};
    private static final float[] B = {4, -5, 6};

    @Test
    void scoresSmallVectors() {
        assertEquals(12.0, SimilarityFunction.DOT.score(A, B), 1e-12);
        // 12 / (sqrt(14) * sqrt(77)), numpy: 0.3654869423239036
        assertEquals(0.3654869423239036, SimilarityFunction.COSINE.score(A, B), 1e-12);
        // distances are negated so that higher means more similar: -sqrt(67), -(3 + 7 + 3)
        assertEquals(-8.18535277187245, SimilarityFunction.EUCLIDEAN.score(A, B), 1e-12);
        assertEquals(-13.0, SimilarityFunction.MANHATTAN.score(A, B), 1e-12);
    }

    @Test
    void identicalVectorsAreMostSimilar() {
        assertEquals(1.0, SimilarityFunction.COSINE.score(A, A), 1e-12);
        assertEquals(0.0, SimilarityFunction.EUCLIDEAN.score(A, A));
        assertEquals(0.0, SimilarityFunction.MANHATTAN.score(A, A));
    }

    @Test
    void cosineWithAZeroVectorIsZero() {
        assertEquals(0.0, SimilarityFunction.COSINE.score(new float[3], A));
    }

    @Test
    void rejectsDifferentDimensions() {
        assertThrows(IllegalArgumentException.class, () -> SimilarityFunction.DOT.score(A, new float[2]));
    }
}

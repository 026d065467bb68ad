package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RankDisagreementTest {
    @Test
    void percentileRanksShareTies() {
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, RankDisagreement.percentileRanks(new double[] {1, 3, 3, 7}), 1e-12);
    }

    @Test
    void scoresOnDifferentScalesAreComparedByPlace() {
        double[] gold = {0, 2.5, 5};
        double[] cosine = {0.1, 0.5, 0.9};
        assertArrayEquals(new double[] {0, 0, 0}, RankDisagreement.gaps(gold, cosine), 1e-12);
        double[] reversed = {0.9, 0.5, 0.1};
        assertArrayEquals(new double[] {1, 0, 1}, RankDisagreement.gaps(gold, reversed), 1e-12);
    }
}

package dev.crossbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.model.BertConfig;
import org.junit.jupiter.api.Test;

class BertFlopsTest {
    @Test
    void miniLmCostsAbout21MflopPerTokenPlusAttention() {
        BertConfig c = BertConfig.miniLm(6);
        // 6 layers x 2 x (4*384^2 + 2*384*1536) = 21,233,664
        assertEquals(21_233_664, BertFlops.linearFlopsPerToken(c), 0.5);
        // attention adds 6 x 4 x s x 384 per token: s = 32 -> 294,912
        assertEquals(21_233_664 + 294_912, BertFlops.flopsPerToken(c, 32), 0.5);
        assertEquals(8 * 32 * (21_233_664 + 294_912.0), BertFlops.flopsForBatch(c, 8, 32), 1);
    }

    @Test
    void runTotalEqualsSumOfBatches() {
        BertConfig c = BertConfig.miniLm(12);
        double expected = BertFlops.flopsForBatch(c, 32, 20) + BertFlops.flopsForBatch(c, 5, 7);
        long padded = 32 * 20 + 5 * 7;
        long sumSq = 32L * 20 * 20 + 5L * 7 * 7;
        assertEquals(expected, BertFlops.flopsForRun(c, padded, sumSq), 1);
    }
}

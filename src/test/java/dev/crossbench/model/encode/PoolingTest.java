package dev.crossbench.model.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.text.TokenBatch;
import org.junit.jupiter.api.Test;

/** Pooling as sentence-transformers does it: padded positions never count, whatever their hidden state. */
class PoolingTest {
    private static final int DIM = 3;
    private static final float PAD = 100f; // larger than any real value: counted anywhere, it would show

    /**
     * Two rows padded to 4 tokens: row 0 has 3 real tokens, row 1 has 2. Real token t of row r has
     * hidden state [r + t, -(r + t), t % 2 == 0 ? 1 : -1]; padded positions hold PAD.
     */
    private static float[] hidden() {
        float[] h = new float[2 * 4 * DIM];
        int[] real = {3, 2};
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 4; t++) {
                int off = (r * 4 + t) * DIM;
                boolean pad = t >= real[r];
                h[off] = pad ? PAD : r + t;
                h[off + 1] = pad ? PAD : -(r + t);
                h[off + 2] = pad ? PAD : (t % 2 == 0 ? 1 : -1);
            }
        }
        return h;
    }

    private static TokenBatch batch() {
        long[] mask = {1, 1, 1, 0, 1, 1, 0, 0};
        return new TokenBatch(2, 4, new long[] {101, 7, 102, 0, 101, 102, 0, 0}, mask, new long[8]);
    }

    @Test
    void clsIsTheFirstTokenOfEachRow() {
        float[][] v = Pooling.pool(hidden(), batch(), DIM, PoolingMode.CLS);
        assertArrayEquals(new float[] {0, 0, 1}, v[0]);
        assertArrayEquals(new float[] {1, -1, 1}, v[1]);
    }

    @Test
    void maxIgnoresPaddedPositions() {
        float[][] v = Pooling.pool(hidden(), batch(), DIM, PoolingMode.MAX);
        // Row 0 tokens: [0,0,1] [1,-1,-1] [2,-2,1]; row 1: [1,-1,1] [2,-2,-1].
        assertArrayEquals(new float[] {2, 0, 1}, v[0]);
        assertArrayEquals(new float[] {2, -1, 1}, v[1]);
    }

    @Test
    void maxOfAllNegativeValuesIsNotZeroFromPadding() {
        // Padding holding 0 must not win over negative real values either (sentence-transformers sets
        // masked positions to -1e9 before the max).
        float[] h = new float[1 * 3 * 1];
        h[0] = -3f;
        h[1] = -2f;
        h[2] = 0f; // padded
        TokenBatch b = new TokenBatch(1, 3, new long[] {101, 102, 0}, new long[] {1, 1, 0}, new long[3]);
        assertArrayEquals(new float[] {-2f}, Pooling.pool(h, b, 1, PoolingMode.MAX)[0]);
    }

    @Test
    void meanDividesByTheRealTokenCount() {
        float[][] v = Pooling.pool(hidden(), batch(), DIM, PoolingMode.MEAN);
        assertArrayEquals(new float[] {1, -1, 1 / 3f}, v[0], 1e-6f);
        assertArrayEquals(new float[] {1.5f, -1.5f, 0}, v[1], 1e-6f);
    }
}

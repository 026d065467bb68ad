package dev.crossbench.model.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void knownValuesRoundToNearestEven() {
        assertEquals(0x3C00, HalfFloats.toF16(1.0f) & 0xFFFF);
        assertEquals(0xC000, HalfFloats.toF16(-2.0f) & 0xFFFF);
        assertEquals(0x7BFF, HalfFloats.toF16(65504f) & 0xFFFF); // largest half
        assertEquals(0x7C00, HalfFloats.toF16(65520f) & 0xFFFF); // rounds up to infinity
        assertEquals(0x0001, HalfFloats.toF16(0x1p-24f) & 0xFFFF); // smallest subnormal
        assertEquals(0x0000, HalfFloats.toF16(0x1p-26f) & 0xFFFF); // below half of it
        assertEquals(0x8000, HalfFloats.toF16(-0.0f) & 0xFFFF);
        // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1.0)
        assertEquals(0x3C00, HalfFloats.toF16(1f + 0x1p-11f) & 0xFFFF);
        // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even)
        assertEquals(0x3C02, HalfFloats.toF16(1f + 3 * 0x1p-11f) & 0xFFFF);
        assertEquals(0x7E00, HalfFloats.toF16(Float.NaN) & 0x7E00);
    }

    @Test
    void everyHalfValueRoundTripsExactly() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.fromF16((short) h);
            if (Float.isNaN(f)) {
                continue;
            }
            assertEquals(h, HalfFloats.toF16(f) & 0xFFFF, "half bits " + Integer.toHexString(h));
        }
    }

    /** The chosen half is never farther from the float than its neighbours (ties aside, checked above). */
    @Test
    void randomWeightsRoundToTheNearestHalf() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(6) - 4));
            short h = HalfFloats.toF16(f);
            float back = HalfFloats.fromF16(h);
            float up = HalfFloats.fromF16((short) (h + 1));
            float down = HalfFloats.fromF16((short) (h - 1));
            double err = Math.abs(back - f);
            // a neighbour past zero's bit pattern is NaN: no comparison to make there
            assertEquals(true, !(err > Math.abs(up - f)) && !(err > Math.abs(down - f)), f + " -> " + back);
        }
    }
}

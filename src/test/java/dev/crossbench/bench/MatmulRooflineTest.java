package dev.crossbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatmulRooflineTest {
    @Test
    void handWrittenOnnxGraphMultipliesCorrectly() {
        int n = 4;
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = i - 5;
            b[i] = (i % 3) * 0.5f + 1;
        }
        float[] c = MatmulRoofline.onnxMultiply(a, b, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                assertEquals(s, c[i * n + j], 1e-4, "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void bothEnginesReportAPositiveRate() {
        for (MatmulRoofline.Result r : new MatmulRoofline.Result[] {
            MatmulRoofline.pytorch(128, 1, 3), MatmulRoofline.onnxRuntime(128, 1, 3)}) {
            assertTrue(r.bestGflops() > 0.1 && Double.isFinite(r.bestGflops()), r.toString());
            assertTrue(r.bestGflops() >= r.medianGflops(), r.toString());
        }
    }
}

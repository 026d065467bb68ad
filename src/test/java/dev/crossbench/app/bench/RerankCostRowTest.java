package dev.crossbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.bench.MatmulRoofline;
import org.junit.jupiter.api.Test;

/** bench score's derived figures: per candidate, the machine's floor and the shares of each roofline. */
class RerankCostRowTest {
    @Test
    void derivedFiguresFollowFromTheDepthAndTheRooflines() {
        // 10 candidates in 100 ms at 29 GFLOP/s: 2.9 GFLOP in all, 0.29 GFLOP per pair.
        RerankCostBenchmark.Depth d = new RerankCostBenchmark.Depth(10, 100.0, 100.0, 29.0, 4.0, 0.5, 25.0, 200.0);
        MatmulRoofline.Result pytorch = new MatmulRoofline.Result("PyTorch", 1024, 200.0, 190.0, 10);
        MatmulRoofline.Result ort = new MatmulRoofline.Result("ONNX Runtime", 1024, 350.0, 340.0, 10);
        RerankCostBenchmark.Row r = RerankCostBenchmark.Row.of("auto", "PyTorch (CPU)", 128, d, pytorch, ort);
        assertEquals(10.0, r.msPerCandidate(), 1e-12);
        assertEquals(0.29e9 / 350e9 * 1e3, r.limitMsPerCandidate(), 1e-12); // 0.8286 ms at the machine's best
        assertEquals(29.0 / 200.0, r.shareOfRoofline(), 1e-12);
        assertEquals(29.0 / 350.0, r.shareOfMachineBest(), 1e-12);
        assertEquals(10, r.k());
        assertEquals(128, r.maxLength());
        assertEquals(25.0, r.crossOverBiEncode(), 0);
        assertEquals(200.0, r.crossOverBiIndexed(), 0);
    }
}

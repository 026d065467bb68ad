package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import dev.crossbench.model.engine.Engines;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two steps of our optimizer on the engine's kernel against torch.optim.AdamW worked out by hand. */
class DecoupledAdamWTest {
    private static final double LR = 0.1;
    private static final double WD = 0.5;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    private static final float[] W0 = {1.0f, -2.0f, 0.5f};
    private static final float[][] GRADS = {{0.1f, -0.3f, 2.0f}, {-0.2f, 0.4f, 1.0f}};

    /**
     * torch.optim.AdamW, step t = 1, 2, ...: p *= 1 - lr * wd (decoupled: the decay never enters m or v);
     * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps).
     */
    private static double[][] torchAdamW(double weightDecay) {
        return adam(weightDecay, true);
    }

    /** With {@code decoupled} false: torch.optim.Adam's L2 penalty, g += wd * p, the variant we must not be. */
    private static double[][] adam(double weightDecay, boolean decoupled) {
        double[] p = new double[W0.length];
        double[] m = new double[W0.length];
        double[] v = new double[W0.length];
        double[][] after = new double[GRADS.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = W0[i];
        }
        for (int t = 1; t <= GRADS.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = GRADS[t - 1][i] + (decoupled ? 0 : weightDecay * p[i]);
                p[i] *= decoupled ? 1 - LR * weightDecay : 1;
                m[i] = B1 * m[i] + (1 - B1) * g;
                v[i] = B2 * v[i] + (1 - B2) * g * g;
                double mHat = m[i] / (1 - Math.pow(B1, t));
                double vHat = v[i] / (1 - Math.pow(B2, t));
                p[i] -= LR * mHat / (Math.sqrt(vHat) + EPS);
            }
            after[t - 1] = p.clone();
        }
        return after;
    }

    private static float[] f(double[] d) {
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    @Test
    void twoStepsEqualTorchAdamWWithAndWithoutDecay() {
        Engines.pytorch();
        try (NDManager nd = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            DecoupledAdamW opt = new DecoupledAdamW(Tracker.fixed((float) LR), (float) WD, Set.of("bias"));
            NDArray weight = nd.create(W0);
            NDArray bias = nd.create(W0);
            double[][] decayed = torchAdamW(WD);
            double[][] plain = torchAdamW(0);
            for (int t = 0; t < GRADS.length; t++) {
                opt.update("weight", weight, nd.create(GRADS[t]));
                opt.update("bias", bias, nd.create(GRADS[t]));
                assertArrayEquals(f(decayed[t]), weight.toFloatArray(), 1e-6f, "decayed parameter after step " + (t + 1));
                assertArrayEquals(f(plain[t]), bias.toFloatArray(), 1e-6f, "no-decay parameter after step " + (t + 1));
            }
            assertEquals((float) LR, opt.lastLearningRate());
            // Step 1 of Adam moves each weight by lr against its gradient's sign (m/sqrt(v) = sign(g) after
            // bias correction), the decay by lr*wd*w on top: 1.0 -> 1.0*0.95 - 0.1, the first figure by hand.
            assertEquals(0.85, decayed[0][0], 1e-7);
            // The L2 variant ends far outside the tolerance, so the test tells the two apart.
            double[][] l2 = adam(WD, false);
            for (int i = 0; i < W0.length; i++) {
                assertTrue(Math.abs(decayed[1][i] - l2[1][i]) > 0.01, decayed[1][i] + " vs L2 " + l2[1][i]);
            }
        }
    }
}

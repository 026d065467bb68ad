package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.crossbench.model.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static Parameter param(NDManager m, String name, float... values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray a = m.create(values);
        a.setRequiresGradient(true);
        p.setArray(a);
        return p;
    }

    @Test
    void scalesTheGlobalNormDownToTheBound() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Parameter a = param(m, "a", 1f, 2f);
            Parameter b = param(m, "b", 3f);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                // d/da of 3*sum(a) = 3 each, d/db of 4*b = 4: global norm sqrt(9+9+16) = sqrt(34)
                gc.backward(a.getArray().sum().mul(3f).add(b.getArray().sum().mul(4f)));
            }
            double norm = GradientClipping.clipGlobalNorm(m, List.of(a, b), 1.0);
            assertEquals(Math.sqrt(34), norm, 1e-5);
            float s = (float) (1 / Math.sqrt(34));
            assertArrayEquals(new float[] {3 * s, 3 * s}, a.getArray().getGradient().toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {4 * s}, b.getArray().getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void nonFiniteGradientsAreClearedSoTheStepCanBeSkipped() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Parameter a = param(m, "a", 0f, 2f);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(a.getArray().sqrt().sum()); // d sqrt(x)/dx at 0 is inf
            }
            double norm = GradientClipping.clipGlobalNorm(m, List.of(a), 1.0);
            assertFalse(Double.isFinite(norm));
            assertArrayEquals(new float[] {0f, 0f}, a.getArray().getGradient().toFloatArray());
        }
    }
}

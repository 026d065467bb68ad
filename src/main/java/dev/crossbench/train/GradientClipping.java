package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Scales all gradients together so their global L2 norm is at most a bound (torch's clip_grad_norm_). */
final class GradientClipping {
    private GradientClipping() {}

    /** @return the norm before clipping; non-finite when the gradients were cleared instead */
    static double clipGlobalNorm(NDManager parent, Collection<Parameter> parameters, double maxNorm) {
        // Gradient views and their temporaries live in a scope freed at the end (no per-step leak);
        // the views share storage with the real gradients, so scaling them in place is enough.
        try (NDManager scope = parent.newSubManager()) {
            List<NDArray> grads = new ArrayList<>(parameters.size());
            double sumSq = 0;
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(scope);
                grads.add(g);
                sumSq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumSq);
            if (!Double.isFinite(norm)) {
                // A non-finite gradient must not reach the weights: clear it so the step is skipped.
                for (Parameter p : parameters) {
                    // zero_() on the parameter's own .grad (NaN times 0 would stay NaN)
                    ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p.getArray());
                }
                return norm;
            }
            if (maxNorm > 0 && norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }
}

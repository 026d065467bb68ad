package dev.crossbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW (decoupled weight decay) with the decay switched off for biases and LayerNorm weights,
 * as Hugging Face and sentence-transformers train BERT; DJL's own AdamW decays every parameter.
 * The update itself is the engine's fused Adam kernel.
 */
public final class DecoupledAdamW extends Optimizer {
    private final ParameterTracker learningRate;
    private final float weightDecay;
    private final Set<String> noDecayIds;
    private final float beta1 = 0.9f;
    private final float beta2 = 0.999f;
    private final float epsilon = 1e-8f;
    private final Map<String, Map<ai.djl.Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<ai.djl.Device, NDArray>> variances = new ConcurrentHashMap<>();
    private volatile float lastLearningRate;

    public DecoupledAdamW(ParameterTracker learningRate, float weightDecay, Set<String> noDecayParameterIds) {
        super(new Builder());
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.noDecayIds = Set.copyOf(noDecayParameterIds);
    }

    public float lastLearningRate() {
        return lastLearningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        float lr = learningRate.getNewValue(parameterId, t);
        lastLearningRate = lr;
        float lrCorrected = (float) (lr * Math.sqrt(bc2) / bc1);
        float wd = noDecayIds.contains(parameterId) ? 0f : weightDecay;
        // The engine's kernel takes [weight, grad, mean, variance] and updates [weight] in place.
        NDList inputs = new NDList(weight, grad,
                withDefaultState(means, parameterId, weight.getDevice(), k -> weight.zerosLike()),
                withDefaultState(variances, parameterId, weight.getDevice(), k -> weight.zerosLike()));
        weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), lr, lrCorrected, wd, rescaleGrad, clipGrad, beta1, beta2,
                epsilon, false, true);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}

package dev.crossbench.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.bert.BertModelBlock;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.weights.FloatTensor;
import java.util.List;
import java.util.Map;

/** Our {@link BertModelBlock} on DJL's PyTorch engine (CPU, or CUDA when present). */
public final class PyTorchBertBackend implements TransformerBackend {
    private final NDManager manager;
    private final BertModelBlock block;
    private final ParameterStore parameterStore;

    public PyTorchBertBackend(BertConfig config, Map<String, FloatTensor> weights, Device device, String source) {
        Engines.pytorch();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            this.block = new BertModelBlock(config, false);
            BertWeights.load(block.parametersByName(), block.expectedShapes(), weights, manager, List.of(), 0, source);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.parameterStore = new ParameterStore(manager, false);
    }

    public static Device defaultDevice() {
        Engines.pytorch();
        return ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice();
    }

    @Override
    public float[] lastHiddenState(TokenBatch b) {
        return TokenBatchArrays.forwardHead(block, parameterStore, manager, b);
    }

    @Override
    public int hiddenSize() {
        return block.config().hiddenSize();
    }

    @Override
    public String description() {
        return Engines.pytorchOn(manager.getDevice());
    }

    @Override
    public String engineName() {
        return "PyTorch";
    }

    /** The block with its loaded weights (an ONNX export is written from them). */
    public BertModelBlock block() {
        return block;
    }

    /** The native memory held by this backend's manager (for leak checks). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}

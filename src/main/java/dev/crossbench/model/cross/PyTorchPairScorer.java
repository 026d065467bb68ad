package dev.crossbench.model.cross;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.bert.CrossEncoderBlock;
import dev.crossbench.model.engine.Engines;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.weights.FloatTensor;
import java.util.List;
import java.util.Map;

/** Our {@link CrossEncoderBlock} on DJL's PyTorch engine. */
public final class PyTorchPairScorer implements PairScorer {
    private final NDManager manager;
    private final CrossEncoderBlock block;
    private final ParameterStore parameterStore;

    /**
     * @param optional parameter names that may be absent from {@code weights} and are then
     *     initialised as Hugging Face does (e.g. pooler and classifier of a new head)
     */
    public PyTorchPairScorer(BertConfig config, Map<String, FloatTensor> weights, Device device, String source,
            List<String> optional, long seed) {
        Engines.pytorch();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            this.block = new CrossEncoderBlock(config);
            BertWeights.load(block.parametersByName(), block.expectedShapes(), weights, manager, optional, seed, source);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.parameterStore = new ParameterStore(manager, false);
    }

    public CrossEncoderBlock block() {
        return block;
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public float[] logits(TokenBatch b) {
        return dev.crossbench.model.engine.TokenBatchArrays.forwardHead(block, parameterStore, manager, b);
    }

    @Override
    public int numLabels() {
        return block.numLabels();
    }

    @Override
    public String description() {
        return Engines.pytorchOn(manager.getDevice());
    }

    @Override
    public String engineName() {
        return "PyTorch";
    }

    @Override
    public void close() {
        manager.close();
    }
}

package dev.crossbench.model.export;

import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.cross.PyTorchPairScorer;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.weights.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our block on PyTorch, loaded from model.safetensors: the weights an export is written from (its
 * parameters after loading, so a pooler initialised for a checkpoint without one is exported as it runs)
 * and the forward pass the export is checked against.
 */
public interface ExportReference {
    /** The block's parameters by Hugging Face name. */
    Map<String, FloatTensor> parameters();

    /** Last hidden state (bi-encoder) or logits (cross-encoder), row-major. */
    float[] forward(TokenBatch batch);

    static ExportReference of(PyTorchBertBackend backend) {
        return new ExportReference() {
            @Override
            public Map<String, FloatTensor> parameters() {
                return byName(backend.block().parametersByName());
            }

            @Override
            public float[] forward(TokenBatch batch) {
                return backend.lastHiddenState(batch);
            }
        };
    }

    static ExportReference of(PyTorchPairScorer scorer) {
        return new ExportReference() {
            @Override
            public Map<String, FloatTensor> parameters() {
                return byName(scorer.block().parametersByName());
            }

            @Override
            public float[] forward(TokenBatch batch) {
                return scorer.logits(batch);
            }
        };
    }

    private static Map<String, FloatTensor> byName(Map<String, ai.djl.nn.Parameter> params) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (FloatTensor t : BertWeights.export(params, "")) {
            out.put(t.name(), t);
        }
        return out;
    }
}

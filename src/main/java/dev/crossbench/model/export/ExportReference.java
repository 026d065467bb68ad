package dev.crossbench.model.export;

import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.cross.PyTorchPairScorer;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.weights.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
        return of(backend.block().parametersByName(), backend::lastHiddenState);
    }

    static ExportReference of(PyTorchPairScorer scorer) {
        return of(scorer.block().parametersByName(), scorer::logits);
    }

    private static ExportReference of(Map<String, ai.djl.nn.Parameter> params, Function<TokenBatch, float[]> forward) {
        return new ExportReference() {
            @Override
            public Map<String, FloatTensor> parameters() {
                return byName(params);
            }

            @Override
            public float[] forward(TokenBatch batch) {
                return forward.apply(batch);
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

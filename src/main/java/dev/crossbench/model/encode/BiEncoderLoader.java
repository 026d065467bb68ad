package dev.crossbench.model.encode;

import ai.djl.Device;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelCatalog;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.engine.OnnxBackend;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.engine.TorchScriptBackend;
import dev.crossbench.model.engine.TransformerBackend;
import dev.crossbench.model.text.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/** Opens a {@link BiEncoder} for a resolved model on the chosen engine. */
public final class BiEncoderLoader {
    private final ModelCatalog catalog;

    public BiEncoderLoader(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public BiEncoder open(ModelDescriptor d, EngineChoice engine) {
        return open(d, engine, d.defaults());
    }

    public BiEncoder open(ModelDescriptor d, EngineChoice engine, EncodeOptions asked) {
        // Positions past max_position_embeddings do not exist in the model: clamp, as the cross-encoder loader does.
        int limit = d.config().maxPositionEmbeddings();
        EncodeOptions options = asked.maxSeqLength() > limit ? asked.withMaxSeqLength(limit) : asked;
        List<String> notes = new ArrayList<>();
        if (options != asked) {
            notes.add(d.name() + ": max sequence length " + asked.maxSeqLength() + " is above the model's"
                    + " max_position_embeddings (" + limit + "); using " + limit);
        }
        if (d.quantized() && options.batchSize() > 1) {
            notes.add(d.name() + ": int8 in batches of " + options.batchSize() + ": ONNX Runtime picks one activation"
                    + " scale per batch, so each embedding depends slightly on the texts batched with it (batch size 1,"
                    + " the default for int8 models, does not)");
        }
        TransformerBackend backend = backend(d, engine);
        try {
            TextTokenizer tokenizer = TextTokenizer.load(d.tokenizerJson(), options.maxSeqLength(), false);
            return new BiEncoder(d, tokenizer, backend, options, notes);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The engine a choice resolves to for this model: AUTO prefers our PyTorch block. */
    public static EngineChoice effectiveEngine(ModelDescriptor d, EngineChoice engine) {
        if (engine == EngineChoice.AUTO) {
            return d.canRunOnPyTorch() ? EngineChoice.PYTORCH : EngineChoice.ONNXRUNTIME;
        }
        return engine;
    }

    public TransformerBackend backend(ModelDescriptor d, EngineChoice engine) {
        EngineChoice e = effectiveEngine(d, engine);
        if (e == EngineChoice.ONNXRUNTIME) {
            if (d.onnx() == null) {
                throw new ModelLoadException(d.name() + " has no ONNX weights; run it with --engine pytorch");
            }
            return new OnnxBackend(d.onnx(), d.config().hiddenSize(), 0);
        }
        Device device = PyTorchBertBackend.defaultDevice();
        if (d.safetensors() != null) {
            var weights = BertWeights.read(catalog.ensureSafetensors(d), d.config());
            return new PyTorchBertBackend(d.config(), weights, device, d.safetensors().toString());
        }
        if (d.torchScript() != null) {
            return new TorchScriptBackend(d.torchScript(), d.config().hiddenSize(), device);
        }
        throw new ModelLoadException(d.name() + " cannot run on PyTorch: "
                + (d.quantized() ? "int8 ONNX models run on ONNX Runtime only" : "no model.safetensors or TorchScript file")
                + "; use --engine onnxruntime");
    }
}

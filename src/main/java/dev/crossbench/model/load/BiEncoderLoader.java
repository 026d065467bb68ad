package dev.crossbench.model.load;

import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.engine.OnnxBackend;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.engine.TorchScriptBackend;
import dev.crossbench.model.engine.TransformerBackend;
import dev.crossbench.model.export.ExportReference;
import dev.crossbench.model.export.ExportedEngine;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
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
        TransformerBackend backend = backend(d, engine, notes);
        try {
            TextTokenizer tokenizer = TextTokenizer.load(d.tokenizerJson(), options.maxSeqLength(), false);
            return new BiEncoder(d, tokenizer, backend, options, notes);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * The engine a choice resolves to before anything is loaded: AUTO is ONNX Runtime for a model with ONNX weights
     * or safetensors (whose export runs there when it is verified and measured faster; see {@link ExportedEngine}),
     * PyTorch for TorchScript.
     */
    public static EngineChoice effectiveEngine(ModelDescriptor d, EngineChoice engine) {
        return ExportedEngine.likely(d, engine);
    }

    public TransformerBackend backend(ModelDescriptor d, EngineChoice engine) {
        return backend(d, engine, new ArrayList<>());
    }

    private TransformerBackend backend(ModelDescriptor d, EngineChoice engine, List<String> notes) {
        boolean hasWeights = d.safetensors() != null;
        if (engine == EngineChoice.ONNXRUNTIME && d.onnx() != null || engine == EngineChoice.AUTO && !hasWeights && d.onnx() != null) {
            return new OnnxBackend(d.onnx(), d.config().hiddenSize(), 0);
        }
        if (hasWeights && engine != EngineChoice.PYTORCH) {
            return exported(d, engine == EngineChoice.ONNXRUNTIME, notes);
        }
        if (engine == EngineChoice.ONNXRUNTIME) {
            throw new ModelLoadException(d.name() + " has no ONNX weights and no safetensors to export; run it with --engine pytorch");
        }
        if (hasWeights) {
            return pytorch(d);
        }
        if (d.torchScript() != null) {
            return new TorchScriptBackend(d.torchScript(), d.config().hiddenSize(), PyTorchBertBackend.defaultDevice());
        }
        throw new ModelLoadException(d.name() + " cannot run on PyTorch: "
                + (d.quantized() ? "int8 ONNX models run on ONNX Runtime only" : "no model.safetensors or TorchScript file")
                + "; use --engine onnxruntime");
    }

    private PyTorchBertBackend pytorch(ModelDescriptor d) {
        var weights = BertWeights.read(catalog.ensureSafetensors(d), d.config());
        return new PyTorchBertBackend(d.config(), weights, PyTorchBertBackend.defaultDevice(), d.safetensors().toString());
    }

    /** The verified ONNX export on ONNX Runtime, or our block on PyTorch when AUTO finds the export wanting. */
    private TransformerBackend exported(ModelDescriptor d, boolean forced, List<String> notes) {
        return ExportedEngine.<TransformerBackend, PyTorchBertBackend>open(d, Kind.BI, catalog.home(),
                catalog.ensureSafetensors(d), forced, notes, () -> pytorch(d), ExportReference::of,
                onnx -> new OnnxBackend(onnx, d.config().hiddenSize(), 0, ExportedEngine.ORIGIN), PyTorchBertBackend::close);
    }
}

package dev.crossbench.model.load;

import ai.djl.Device;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.OnnxPairScorer;
import dev.crossbench.model.cross.PairScorer;
import dev.crossbench.model.cross.PyTorchPairScorer;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.export.ExportReference;
import dev.crossbench.model.export.ExportedEngine;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.weights.FloatTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a cross-encoder folder (Hugging Face {@code BertForSequenceClassification}): safetensors weights run
 * on our block (PyTorch) or, by default when it measures faster, on ONNX Runtime through their verified
 * export ({@link ExportedEngine}); a folder's own ONNX file (output: the logits) runs on ONNX Runtime.
 */
public final class CrossEncoderLoader {
    /** sentence-transformers' default max length for cross-encoders without one in their config. */
    public static final int DEFAULT_MAX_LENGTH = 512;

    private final ModelCatalog catalog;

    public CrossEncoderLoader(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public CrossEncoder open(String ref, EngineChoice engine, int batchSize, ScoreActivation activation, Integer maxLength) {
        return open(catalog.resolve(ref), engine, batchSize, activation, maxLength);
    }

    /** Opens an already resolved model; {@code maxLength} null means the tokenizer's own (or 512). */
    public CrossEncoder open(ModelDescriptor d, EngineChoice engine, int batchSize, ScoreActivation activation, Integer maxLength) {
        if (d.builtin() != null) {
            throw new ModelLoadException(d.name() + " is a bi-encoder; train a cross-encoder from it with"
                    + " `crossbench train cross --base " + d.name() + " ...`");
        }
        int limit = d.config().maxPositionEmbeddings();
        int max = maxLength != null ? Math.min(maxLength, limit) : defaultMaxLength(d);
        // Positions past max_position_embeddings do not exist in the model: clamp, and say so.
        List<String> notes = new ArrayList<>();
        if (maxLength != null && maxLength > limit) {
            notes.add(d.name() + ": max length " + maxLength + " is above the model's max_position_embeddings (" + limit
                    + "); using " + limit);
        }
        boolean hasWeights = d.safetensors() != null;
        PairScorer scorer;
        if (engine == EngineChoice.ONNXRUNTIME && d.onnx() != null || engine == EngineChoice.AUTO && !hasWeights) {
            if (d.onnx() == null) {
                throw new ModelLoadException(d.name() + ": no ONNX weights; use --engine pytorch");
            }
            scorer = new OnnxPairScorer(d.onnx(), d.config().numLabels());
        } else if (engine == EngineChoice.PYTORCH || !hasWeights) {
            scorer = pytorch(d);
        } else {
            scorer = exported(d, engine == EngineChoice.ONNXRUNTIME, notes);
        }
        try {
            return new CrossEncoder(d.name(), TextTokenizer.load(d.tokenizerJson(), max, false), scorer, batchSize, activation,
                    notes);
        } catch (RuntimeException ex) {
            scorer.close();
            throw ex;
        }
    }

    private static PyTorchPairScorer pytorch(ModelDescriptor d) {
        if (d.safetensors() == null) {
            throw new ModelLoadException(d.name() + ": no model.safetensors for the PyTorch engine; use --engine onnxruntime");
        }
        Map<String, FloatTensor> w = BertWeights.read(d.safetensors(), d.config());
        if (w.keySet().stream().noneMatch(n -> n.startsWith("classifier."))) {
            throw new ModelLoadException(d.folder() + ": no classifier weights (classifier.weight): this is not a"
                    + " cross-encoder (BertForSequenceClassification); use it as a bi-encoder or train a cross-encoder from it");
        }
        Device device = PyTorchBertBackend.defaultDevice();
        // A checkpoint saved without its pooler gets one initialised as Hugging Face does.
        return new PyTorchPairScorer(d.config(), w, device, d.safetensors().toString(),
                List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias"), 0);
    }

    /** The verified ONNX export on ONNX Runtime, or our block on PyTorch when AUTO finds the export wanting. */
    private PairScorer exported(ModelDescriptor d, boolean forced, List<String> notes) {
        return ExportedEngine.<PairScorer, PyTorchPairScorer>open(d, Kind.CROSS, catalog.home(), d.safetensors(), forced,
                notes, () -> pytorch(d), ExportReference::of,
                onnx -> new OnnxPairScorer(onnx, d.config().numLabels(), ExportedEngine.ORIGIN), PyTorchPairScorer::close);
    }

    /**
     * Whether a model folder is a cross-encoder: its config.json names a
     * {@code *ForSequenceClassification} architecture (a bi-encoder's says BertModel or nothing).
     */
    public static boolean isCrossEncoder(ModelDescriptor d) {
        if (d.builtin() != null) {
            return false;
        }
        java.nio.file.Path cfg = d.folder().resolve("config.json");
        try {
            var o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(cfg)).getAsJsonObject();
            if (o.has("architectures") && o.get("architectures").isJsonArray()) {
                for (var a : o.getAsJsonArray("architectures")) {
                    if (a.getAsString().endsWith("ForSequenceClassification")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ModelLoadException(cfg + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The max length used when none is given: the tokenizer's model_max_length (else 512), within the positions. */
    public static int defaultMaxLength(ModelDescriptor d) {
        return Math.min(tokenizerMaxLength(d), d.config().maxPositionEmbeddings());
    }

    private static int tokenizerMaxLength(ModelDescriptor d) {
        java.nio.file.Path cfg = d.folder().resolve("tokenizer_config.json");
        if (java.nio.file.Files.isRegularFile(cfg)) {
            try {
                var o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(cfg)).getAsJsonObject();
                if (o.has("model_max_length")) {
                    double v = o.get("model_max_length").getAsDouble();
                    if (v > 0 && v < 100_000) {
                        return (int) v;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                throw new ModelLoadException(cfg + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        return DEFAULT_MAX_LENGTH;
    }
}

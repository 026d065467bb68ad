package dev.crossbench.ui.models;

import dev.crossbench.app.ModelKind;
import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.BundledModel;
import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelSource;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.export.ExportedEngine;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import dev.crossbench.ui.workspace.ModelChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.util.StringConverter;

/** How models are described in the Models view. */
final class CatalogText {
    private CatalogText() {}

    static final StringConverter<EngineChoice> ENGINE_NAMES = new StringConverter<>() {
        @Override
        public String toString(EngineChoice e) {
            if (e == null) {
                return "";
            }
            return switch (e) {
                case AUTO -> "auto (the faster engine, measured: ONNX Runtime on a verified export, else PyTorch)";
                case PYTORCH -> "PyTorch (our BERT block)";
                case ONNXRUNTIME -> "ONNX Runtime";
            };
        }

        @Override
        public EngineChoice fromString(String s) {
            throw new UnsupportedOperationException("engine names are chosen, not typed");
        }
    };

    /** A chosen model's line in the list: its name and, for a cross-encoder, the kind (and a bundled one's task). */
    static final StringConverter<ModelChoice> CHOSEN_NAMES = new StringConverter<>() {
        @Override
        public String toString(ModelChoice m) {
            if (m == null || !m.isCross()) {
                return m == null ? "" : m.name();
            }
            return m.name() + "   · cross-encoder" + bundled(m.descriptor()).map(b -> ", " + b.task().label()).orElse("");
        }

        @Override
        public ModelChoice fromString(String s) {
            throw new UnsupportedOperationException("models are chosen, not typed");
        }
    };

    static final StringConverter<ScoreActivation> ACTIVATION_NAMES = new StringConverter<>() {
        @Override
        public String toString(ScoreActivation a) {
            if (a == null) {
                return "";
            }
            return a == ScoreActivation.SIGMOID ? "sigmoid (score in 0..1)" : "identity (the logit)";
        }

        @Override
        public ScoreActivation fromString(String s) {
            throw new UnsupportedOperationException("activations are chosen, not typed");
        }
    };

    static final String BUNDLED_SOURCE = "bundled (trained by Crossbench)";

    static String describe(BuiltinModel m) {
        return "bi-encoder · " + m.config().numHiddenLayers() + " layers · " + m.pooling().name().toLowerCase() + " pooling · "
                + m.maxSeqLength() + " tokens" + (m.isInt8() ? " · int8, ONNX Runtime only" : " · fp32");
    }

    static String describe(BundledModel m) {
        return "cross-encoder · " + m.task().label() + " · base " + m.base().displayName() + " · " + BUNDLED_SOURCE;
    }

    /** The bundled model a resolved descriptor is, if it is one. */
    static Optional<BundledModel> bundled(ModelDescriptor d) {
        return d.source() == ModelSource.BUNDLED ? BundledModel.byName(d.name()) : Optional.empty();
    }

    /** Where a model comes from, in words. */
    static String source(ModelDescriptor d) {
        return switch (d.source()) {
            case BUILTIN -> "built in (Maven Central) — " + d.origin();
            case BUNDLED -> BUNDLED_SOURCE + " — " + d.origin() + bundled(d).map(b -> ", base " + b.base().displayName()).orElse("");
            case LOCAL_FOLDER -> "local folder";
            case HUB -> "Hugging Face hub — " + d.origin();
        };
    }

    static List<EngineChoice> enginesFor(ModelDescriptor d) {
        List<EngineChoice> out = new ArrayList<>(List.of(EngineChoice.AUTO));
        if (d.canRunOnPyTorch()) {
            out.add(EngineChoice.PYTORCH);
        }
        if (d.canRunOnOnnxRuntime()) {
            out.add(EngineChoice.ONNXRUNTIME);
        }
        return out;
    }

    static String details(ModelDescriptor d, ModelKind kind) {
        StringBuilder s = new StringBuilder();
        s.append("Kind: ").append(kind.label()).append(kind == ModelKind.CROSS
                ? " (reads both texts together; scores each pair directly)\n" : " (embeds each text; pairs scored by cosine)\n");
        bundled(d).ifPresent(b -> s.append("Task: ").append(b.task().label()).append(b.task() == BundledModel.Task.RERANKER
                ? " (query → passage relevance: reorders a bi-encoder's candidates)\n" : " (graded similarity of two texts)\n"));
        s.append("Source: ").append(source(d)).append('\n');
        s.append("Folder: ").append(d.folder()).append('\n');
        s.append("Architecture: ").append(d.config().numHiddenLayers()).append(" layers × ").append(d.config().hiddenSize())
                .append(" hidden, ").append(d.config().numAttentionHeads()).append(" heads, up to ")
                .append(d.config().maxPositionEmbeddings()).append(" positions\n");
        s.append("Runs on: ").append(d.engines()).append(d.quantized() ? " (int8)" : "").append('\n');
        s.append("Default (auto): ").append(ExportedEngine.autoEngine(d, CrossbenchHome.resolve(),
                kind == ModelKind.CROSS ? Kind.CROSS : Kind.BI)).append('\n');
        if (d.safetensors() != null) {
            s.append("Rule: ").append(ExportedEngine.RULE).append("; training always runs on PyTorch");
            if (d.builtin() != null) {
                s.append(". A built-in's safetensors are imported from its ONNX file the first time");
            }
            s.append('.');
        }
        return s.toString();
    }
}

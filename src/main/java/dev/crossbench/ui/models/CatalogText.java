package dev.crossbench.ui.models;

import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.ui.workspace.ModelChoice;
import dev.crossbench.ui.workspace.ModelKind;
import java.util.ArrayList;
import java.util.List;
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
                case AUTO -> "auto (PyTorch when safetensors exist)";
                case PYTORCH -> "PyTorch (our BERT block)";
                case ONNXRUNTIME -> "ONNX Runtime";
            };
        }

        @Override
        public EngineChoice fromString(String s) {
            throw new UnsupportedOperationException("engine names are chosen, not typed");
        }
    };

    /** A chosen model's line in the list: its name and, for a cross-encoder, the kind. */
    static final StringConverter<ModelChoice> CHOSEN_NAMES = new StringConverter<>() {
        @Override
        public String toString(ModelChoice m) {
            return m == null ? "" : m.isCross() ? m.name() + "   · cross-encoder" : m.name();
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

    static String describe(BuiltinModel m) {
        return m.config().numHiddenLayers() + " layers · " + m.pooling().name().toLowerCase() + " pooling · "
                + m.maxSeqLength() + " tokens" + (m.isInt8() ? " · int8, ONNX Runtime only" : " · fp32");
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
        s.append("Source: ").append(d.source().name().toLowerCase().replace('_', ' ')).append(" — ").append(d.origin()).append('\n');
        s.append("Folder: ").append(d.folder()).append('\n');
        s.append("Architecture: ").append(d.config().numHiddenLayers()).append(" layers × ").append(d.config().hiddenSize())
                .append(" hidden, ").append(d.config().numAttentionHeads()).append(" heads, up to ")
                .append(d.config().maxPositionEmbeddings()).append(" positions\n");
        s.append("Runs on: ").append(d.engines()).append(d.quantized() ? " (int8)" : "")
                .append(". Auto picks PyTorch (our BERT block) when safetensors weights exist");
        if (d.builtin() != null && !d.quantized()) {
            s.append(" — for a built-in they are imported from the ONNX file the first time");
        }
        return s.append('.').toString();
    }
}

package dev.crossbench.model;

import java.util.Locale;

/** Which engine runs a model; AUTO prefers our PyTorch block when safetensors weights exist. */
public enum EngineChoice {
    AUTO,
    PYTORCH,
    ONNXRUNTIME;

    public static EngineChoice parse(String s) {
        switch (s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto":
                return AUTO;
            case "pytorch":
            case "pt":
            case "torch":
                return PYTORCH;
            case "onnxruntime":
            case "onnx":
            case "ort":
                return ONNXRUNTIME;
            default:
                throw new IllegalArgumentException("unknown engine '" + s + "' (expected pytorch, onnxruntime or auto)");
        }
    }
}

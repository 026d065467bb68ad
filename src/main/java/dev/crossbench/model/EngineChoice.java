package dev.crossbench.model;

import java.util.Locale;

/**
 * Which engine runs a model for inference. AUTO runs ONNX Runtime on the verified ONNX export of a model's
 * safetensors when it measured faster than our PyTorch block on this machine (see
 * {@code model.export.ExportedEngine}), ONNX-only models on ONNX Runtime, TorchScript on PyTorch. Training
 * always runs on PyTorch.
 */
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

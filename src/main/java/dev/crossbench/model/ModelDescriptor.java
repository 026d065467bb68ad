package dev.crossbench.model;

import java.nio.file.Path;

/**
 * A resolved model: its folder in Hugging Face layout, architecture, default encode options and
 * the weight files it has. {@code safetensors} of a built-in fp32 model may not exist yet: it is
 * imported from the ONNX file the first time the PyTorch engine needs it.
 */
public record ModelDescriptor(String name, ModelSource source, String origin, Path folder, BertConfig config,
        EncodeOptions defaults, Path safetensors, Path onnx, Path torchScript, boolean quantized, BuiltinModel builtin) {

    public Path tokenizerJson() {
        return folder.resolve("tokenizer.json");
    }

    public boolean canRunOnPyTorch() {
        return safetensors != null || torchScript != null;
    }

    /** An ONNX file, or safetensors weights whose verified ONNX export runs there. */
    public boolean canRunOnOnnxRuntime() {
        return onnx != null || safetensors != null;
    }

    /** Which engines this model can run on, for listings. */
    public String engines() {
        StringBuilder sb = new StringBuilder();
        if (canRunOnPyTorch()) {
            sb.append("pytorch");
        }
        if (canRunOnOnnxRuntime()) {
            sb.append(sb.length() > 0 ? ", " : "").append("onnxruntime");
        }
        return sb.toString();
    }
}

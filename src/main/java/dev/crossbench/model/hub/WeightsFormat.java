package dev.crossbench.model.hub;

/** The weights file a model folder offers, in the order Crossbench prefers them. */
public enum WeightsFormat {
    /** {@code model.safetensors}: runs on our own BERT block (PyTorch engine, trainable). */
    SAFETENSORS,
    /** {@code onnx/model.onnx} or {@code model.onnx}: runs on ONNX Runtime, inference only. */
    ONNX,
    /** A TorchScript {@code *.pt}: runs on the PyTorch engine, inference only. */
    TORCHSCRIPT
}

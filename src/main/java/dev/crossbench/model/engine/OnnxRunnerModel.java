package dev.crossbench.model.engine;

import java.nio.file.Path;

/**
 * What every model run by ONNX Runtime shares, encoder or pair scorer: the session, where its file came from (for
 * reports, e.g. "verified export of model.safetensors"; null when it is the model's own file) and its engine name.
 */
public abstract class OnnxRunnerModel implements AutoCloseable {
    protected final OnnxModelRunner runner;
    private final String origin;

    protected OnnxRunnerModel(Path onnxFile, int threads, String origin) {
        this.runner = new OnnxModelRunner(onnxFile, threads);
        this.origin = origin;
    }

    /** The ONNX Runtime session it runs (tests count its live native arrays). */
    public OnnxModelRunner runner() {
        return runner;
    }

    public String description() {
        return OnnxModelRunner.description() + (origin == null ? "" : " (" + origin + ")");
    }

    public String engineName() {
        return "OnnxRuntime";
    }

    @Override
    public void close() {
        runner.close();
    }
}

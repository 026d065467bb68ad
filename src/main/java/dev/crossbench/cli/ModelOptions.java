package dev.crossbench.cli;

import dev.crossbench.app.EncodeOverrides;
import dev.crossbench.app.ModelService;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Options shared by commands that run a bi-encoder. */
final class ModelOptions {
    @Option(names = "--engine", defaultValue = "auto",
            description = "pytorch (our BERT block), onnxruntime (the model's ONNX file, else the verified export of its"
                    + " safetensors), or auto (ONNX Runtime on the verified export when it measured faster here, else"
                    + " PyTorch; `crossbench models` shows which). Default: ${DEFAULT-VALUE}")
    String engine;

    @Option(names = "--batch-size", description = "Texts per forward pass (default 32).")
    Integer batchSize;

    @Option(names = "--max-seq-length", description = "Truncate texts to this many tokens (default: the model's).")
    Integer maxSeqLength;

    @Option(names = "--pooling", description = "mean, cls or max (default: the model's).")
    String pooling;

    @Option(names = "--no-normalize", description = "Do not L2-normalise embeddings.")
    boolean noNormalize;

    @Option(names = "--prompt", description = "Prefix for every text (overrides the model's prompt; \"\" for none).")
    String prompt;

    /** Opens a bi-encoder and tells the user once, on stderr, what the loader changed from what was asked. */
    BiEncoder open(PrintWriter err, String ref, EncodeOverrides overrides) {
        BiEncoder enc = ModelService.standard().openBiEncoder(ref, engineChoice(), overrides);
        enc.notes().forEach(n -> err.println("note: " + n));
        return enc;
    }

    EngineChoice engineChoice() {
        return EngineChoice.parse(engine);
    }

    EncodeOverrides overrides() {
        return new EncodeOverrides(batchSize, maxSeqLength, pooling == null ? null : PoolingMode.parse(pooling),
                noNormalize ? Boolean.FALSE : null, prompt, prompt, prompt);
    }
}

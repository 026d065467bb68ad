package dev.crossbench.cli;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.load.CrossEncoderLoader;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The optional second stage. */
final class CrossOptions {
    @Option(names = "--cross", description = "Cross-encoder for reranking: a model folder (BertForSequenceClassification) or hub id.")
    String cross;

    @Option(names = "--cross-engine", defaultValue = "auto", description = "pytorch, onnxruntime or auto (ONNX Runtime on the"
            + " verified export of the safetensors when it measured faster here, else PyTorch). Default: ${DEFAULT-VALUE}")
    String crossEngine;

    @Option(names = "--cross-batch-size", defaultValue = "32", description = "Pairs per forward pass. Default: ${DEFAULT-VALUE}")
    int crossBatchSize;

    @Option(names = "--cross-max-length", description = "Truncate query + document to this many tokens (default: the model's).")
    Integer crossMaxLength;

    boolean present() {
        return cross != null;
    }

    /**
     * Opens the cross-encoder (sigmoid scores, as sentence-transformers shows one-label models) and tells the user once,
     * on {@code err}, what the loader changed from what was asked; the caller closes it.
     */
    CrossEncoder open(PrintWriter err) {
        CrossEncoder ce = new CrossEncoderLoader(ModelCatalog.standard()).open(cross, EngineChoice.parse(crossEngine),
                crossBatchSize, ScoreActivation.SIGMOID, crossMaxLength);
        ce.notes().forEach(n -> err.println("note: " + n));
        return ce;
    }
}

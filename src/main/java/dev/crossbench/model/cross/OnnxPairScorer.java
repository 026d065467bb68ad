package dev.crossbench.model.cross;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.engine.Engines;
import dev.crossbench.model.text.TokenBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An ONNX cross-encoder export (inputs input_ids/attention_mask[/token_type_ids], first output logits). */
public final class OnnxPairScorer implements PairScorer {
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final List<String> inputNames;
    private final int numLabels;
    private final Path file;

    public OnnxPairScorer(Path onnxFile, int numLabels) {
        Engines.onnxRuntime();
        this.file = onnxFile;
        this.numLabels = numLabels;
        String name = onnxFile.getFileName().toString();
        String prefix = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        Model m = Model.newInstance(prefix, Device.cpu(), "OnnxRuntime");
        try {
            m.load(onnxFile.toAbsolutePath().getParent(), prefix);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new ModelLoadException(onnxFile + ": ONNX Runtime cannot load this model (" + e.getMessage() + ")", e);
        }
        this.model = m;
        var declared = m.describeInput();
        this.inputNames = declared == null ? List.of("input_ids", "attention_mask", "token_type_ids") : declared.keys();
        this.predictor = m.newPredictor(new NoopTranslator());
    }

    @Override
    public float[] logits(TokenBatch b) {
        try (NDManager sub = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(b.batchSize(), b.seqLen());
            NDList in = new NDList();
            for (String n : inputNames) {
                long[] data = n.equals("input_ids") ? b.ids() : n.equals("attention_mask") ? b.mask() : b.typeIds();
                NDArray a = sub.create(data, shape);
                a.setName(n);
                in.add(a);
            }
            NDList out = predictor.predict(in);
            NDArray logits = out.get(0);
            if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != numLabels) {
                throw new ModelLoadException(file + ": first output has shape " + logits.getShape() + ", expected [batch, "
                        + numLabels + "] logits");
            }
            float[] r = logits.toFloatArray();
            out.close();
            return r;
        } catch (TranslateException e) {
            throw new IllegalStateException(file + ": ONNX Runtime inference failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int numLabels() {
        return numLabels;
    }

    @Override
    public String description() {
        return "OnnxRuntime " + ai.djl.engine.Engine.getEngine("OnnxRuntime").getVersion() + " on cpu";
    }

    @Override
    public String engineName() {
        return "OnnxRuntime";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}

package dev.crossbench.model.engine;

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
import ai.djl.util.PairList;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.text.TokenBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX encoder (fp32 or int8) on DJL's OnnxRuntime engine. Inputs are fed by the names the
 * graph declares (input_ids, attention_mask, and token_type_ids when the graph has it); the
 * first output must be the last hidden state [batch, seq, hidden].
 */
public final class OnnxBackend implements TransformerBackend {
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final List<String> inputNames;
    private final int hiddenSize;
    private final Path file;

    public OnnxBackend(Path onnxFile, int hiddenSize, int threads) {
        Engines.onnxRuntime();
        this.file = onnxFile;
        this.hiddenSize = hiddenSize;
        String fileName = onnxFile.getFileName().toString();
        String prefix = fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Map<String, String> options = new HashMap<>();
        if (threads > 0) {
            options.put("intraOpNumThreads", Integer.toString(threads));
        }
        options.put("interOpNumThreads", "1");
        Model m = Model.newInstance(prefix, Device.cpu(), "OnnxRuntime");
        try {
            m.load(onnxFile.toAbsolutePath().getParent(), prefix, options);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new ModelLoadException(onnxFile + ": ONNX Runtime cannot load this model (" + e.getMessage() + ")", e);
        }
        this.model = m;
        PairList<String, Shape> declared = m.describeInput();
        this.inputNames = declared == null ? List.of("input_ids", "attention_mask", "token_type_ids") : declared.keys();
        for (String name : inputNames) {
            if (!name.equals("input_ids") && !name.equals("attention_mask") && !name.equals("token_type_ids")) {
                m.close();
                throw new ModelLoadException(onnxFile + ": unexpected graph input '" + name
                        + "' (expected input_ids, attention_mask, token_type_ids)");
            }
        }
        this.predictor = m.newPredictor(new NoopTranslator());
    }

    @Override
    public float[] lastHiddenState(TokenBatch b) {
        try (NDManager sub = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(b.batchSize(), b.seqLen());
            NDList in = new NDList();
            for (String name : inputNames) {
                long[] data = name.equals("input_ids") ? b.ids() : name.equals("attention_mask") ? b.mask() : b.typeIds();
                NDArray a = sub.create(data, shape);
                a.setName(name);
                in.add(a);
            }
            NDList out = predictor.predict(in);
            NDArray hidden = out.get(0);
            long[] s = hidden.getShape().getShape();
            if (s.length != 3 || s[2] != hiddenSize) {
                throw new ModelLoadException(file + ": first output has shape " + hidden.getShape()
                        + ", expected [batch, seq, " + hiddenSize + "] (last_hidden_state)");
            }
            float[] result = hidden.toFloatArray();
            out.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException(file + ": ONNX Runtime inference failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
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

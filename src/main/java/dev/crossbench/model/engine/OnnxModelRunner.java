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
 * A BERT-style ONNX graph on DJL's OnnxRuntime engine: fed by the input names the graph declares
 * (input_ids, attention_mask, and token_type_ids when present), returning its first output.
 */
public final class OnnxModelRunner implements AutoCloseable {
    private static final List<String> KNOWN_INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");

    /** An output tensor copied to the heap. */
    public record Output(float[] values, long[] shape) {}

    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final List<String> inputNames;
    private final Path file;

    public OnnxModelRunner(Path onnxFile, int threads) {
        Engines.onnxRuntime();
        this.file = onnxFile;
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
            PairList<String, Shape> declared = m.describeInput();
            this.inputNames = declared == null ? KNOWN_INPUTS : declared.keys();
            for (String name : inputNames) {
                if (!KNOWN_INPUTS.contains(name)) {
                    throw new ModelLoadException(onnxFile + ": unexpected graph input '" + name + "' (expected " + KNOWN_INPUTS + ")");
                }
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            if (e instanceof ModelLoadException mle) {
                throw mle;
            }
            throw new ModelLoadException(onnxFile + ": ONNX Runtime cannot load this model (" + e.getMessage() + ")", e);
        }
        this.model = m;
        this.predictor = m.newPredictor(new NoopTranslator());
    }

    public Path file() {
        return file;
    }

    public Output run(TokenBatch b) {
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
            NDArray first = out.get(0);
            Output result = new Output(first.toFloatArray(), first.getShape().getShape());
            out.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException(file + ": ONNX Runtime inference failed (" + e.getMessage() + ")", e);
        }
    }

    /** Native arrays the model's manager holds now: constant between calls when every batch frees its own. */
    public int liveArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    public static String description() {
        return "ONNX Runtime " + ai.djl.engine.Engine.getEngine("OnnxRuntime").getVersion() + " on CPU";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}

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
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.text.TokenBatch;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A traced/scripted Hugging Face encoder ({@code *.pt}) on DJL's PyTorch engine, called as
 * {@code forward(input_ids, attention_mask, token_type_ids)}; its first output (or the first
 * element of a returned tuple/dict) must be the last hidden state.
 */
public final class TorchScriptBackend implements TransformerBackend {
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final int hiddenSize;
    private final Path file;

    public TorchScriptBackend(Path ptFile, int hiddenSize, Device device) {
        Engines.pytorch();
        this.file = ptFile;
        this.hiddenSize = hiddenSize;
        String name = ptFile.getFileName().toString();
        String prefix = name.endsWith(".pt") ? name.substring(0, name.length() - 3) : name;
        Model m = Model.newInstance(prefix, device, "PyTorch");
        try {
            m.load(ptFile.toAbsolutePath().getParent(), prefix);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new ModelLoadException(ptFile + ": not a loadable TorchScript file (" + e.getMessage() + ")", e);
        }
        this.model = m;
        this.predictor = m.newPredictor(new NoopTranslator());
    }

    @Override
    public float[] lastHiddenState(TokenBatch b) {
        try (NDManager sub = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(b.batchSize(), b.seqLen());
            NDList in = new NDList(sub.create(b.ids(), shape), sub.create(b.mask(), shape), sub.create(b.typeIds(), shape));
            NDList out = predictor.predict(in);
            NDArray hidden = out.get(0);
            if (hidden.getShape().dimension() != 3 || hidden.getShape().get(2) != hiddenSize) {
                throw new ModelLoadException(file + ": first output has shape " + hidden.getShape()
                        + ", expected [batch, seq, " + hiddenSize + "]");
            }
            float[] result = hidden.toFloatArray();
            out.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException(file + ": TorchScript inference failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public String description() {
        return "PyTorch (TorchScript) on " + Engines.deviceName(model.getNDManager().getDevice());
    }

    @Override
    public String engineName() {
        return "PyTorch";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}

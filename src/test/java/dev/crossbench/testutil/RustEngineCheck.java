package dev.crossbench.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.bert.BertModelBlock;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.Tokenized;
import dev.crossbench.model.weights.SafeTensors;
import java.nio.file.Path;
import java.util.List;

/**
 * DJL's Rust engine (in the tokenizers jar) is an independent BERT implementation; it ignores
 * the attention mask, so it is compared at batch size 1 only. It also applies the classifier to
 * the [CLS] hidden state directly, skipping the pooler that Hugging Face's
 * BertForSequenceClassification (and ours) uses, so the check is in two parts: Rust's logit
 * against our classifier on our [CLS] state (body + classifier numerics), and the pooler
 * recomputed by hand in plain Java against our full logit.
 */
public final class RustEngineCheck {
    private RustEngineCheck() {
    }

    /** Returns the largest |ours - Rust| logit difference after asserting both checks pass. */
    public static double assertLogitsMatch(Path saved) throws Exception {
        List<String[]> pairs = List.of(new String[] {"A man is playing a guitar.", "A person plays an instrument."},
                new String[] {"The cat sleeps on the mat.", "Stock prices fell sharply on Monday."},
                new String[] {"How do I reset my router?", "Unplug the router for thirty seconds, then plug it back in."});
        var weights = SafeTensors.read(saved.resolve("model.safetensors"));
        var config = BertConfig.read(saved.resolve("config.json"));
        float[] cw = weights.get("classifier.weight").data();
        float cb = weights.get("classifier.bias").data()[0];
        float[] pw = weights.get("bert.pooler.dense.weight").data();
        float[] pb = weights.get("bert.pooler.dense.bias").data();
        int h = config.hiddenSize();
        try (CrossEncoder ours = new CrossEncoderLoader(TestModels.catalog()).open(saved.toString(), EngineChoice.PYTORCH, 1,
                ScoreActivation.IDENTITY, 64);
                TextTokenizer tok = TextTokenizer.load(saved.resolve("tokenizer.json"), 64, false);
                ai.djl.ndarray.NDManager nd = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu(), "PyTorch");
                Model rust = Model.newInstance("rust-check", Device.cpu(), "Rust")) {
            var body = new BertModelBlock(config, true);
            BertWeights.load(body.parametersByName(), body.expectedShapes(), weights, nd, List.of(), 0, "test");
            rust.setDataType(ai.djl.ndarray.types.DataType.FLOAT32); // its default is float16
            rust.load(saved);
            try (Predictor<NDList, NDList> p = rust.newPredictor(new NoopTranslator())) {
                double maxRust = 0;
                double maxPooler = 0;
                for (String[] pair : pairs) {
                    Tokenized t = tok.encodePair(pair[0], pair[1]);
                    long[] mask = new long[t.length()];
                    java.util.Arrays.fill(mask, 1);
                    Shape s = new Shape(1, t.length());
                    var m = rust.getNDManager();
                    double rustLogit = p.predict(new NDList(m.create(t.ids(), s), m.create(mask, s), m.create(t.typeIds(), s)))
                            .head().toFloatArray()[0];
                    NDList out = body.forward(new ai.djl.training.ParameterStore(nd, false),
                            new NDList(nd.create(t.ids(), s), nd.create(mask, s), nd.create(t.typeIds(), s)), false);
                    float[] cls = out.get(0).get("0, 0, :").toFloatArray();
                    double clsLogit = cb;
                    for (int i = 0; i < h; i++) {
                        clsLogit += cw[i] * cls[i];
                    }
                    maxRust = Math.max(maxRust, Math.abs(clsLogit - rustLogit));
                    double logit = cb;
                    for (int o = 0; o < h; o++) {
                        double z = pb[o];
                        for (int i = 0; i < h; i++) {
                            z += pw[o * h + i] * cls[i];
                        }
                        logit += cw[o] * Math.tanh(z);
                    }
                    double ourLogit = ours.predict(List.of(pair[0]), List.of(pair[1]))[0];
                    maxPooler = Math.max(maxPooler, Math.abs(ourLogit - logit));
                }
                System.out.printf("%s: max |ours - DJL Rust| on [CLS]->classifier: %.3e; max |ours - hand pooler+classifier|: %.3e%n",
                        saved, maxRust, maxPooler);
                assertTrue(maxRust < 1e-4, "Rust engine difference " + maxRust);
                assertTrue(maxPooler < 1e-4, "pooler/classifier difference " + maxPooler);
                return maxRust;
            }
        }
    }
}

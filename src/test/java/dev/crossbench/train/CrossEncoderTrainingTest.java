package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import dev.crossbench.app.TrainingService;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.eval.Correlation;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.bert.BertModelBlock;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.weights.SafeTensors;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.CrossEncoderLoader;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.Tokenized;
import dev.crossbench.testutil.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small real fine-tuning run on the bundled sample pairs, then checks of what it saved. */
class CrossEncoderTrainingTest {
    @TempDir
    static Path dir;

    static PairDataset train;
    static PairDataset dev;
    static TrainingSummary summary;
    static Path saved;

    static PairDataset head(PairDataset d, int n) {
        return new PairDataset(d.name(), null, d.pairs().subList(0, Math.min(n, d.size())));
    }

    @BeforeAll
    static void trainSmallCrossEncoder() {
        train = head(PairReader.read(Path.of("sample-data", "pairs-train.csv")), 400);
        dev = PairReader.read(Path.of("sample-data", "pairs-dev.csv"));
        saved = dir.resolve("ce");
        TrainingOptions o = TrainingOptions.defaults().withEpochs(1).withBatchSize(2).withLearningRate(3e-5).withMaxSeqLength(64);
        summary = new TrainingService(TestModels.catalog()).train(TrainingService.Kind.CROSS, "all-MiniLM-L6-v2", train, dev, o,
                new double[] {0, 5}, saved, false, TrainingListener.NONE, () -> false);
    }

    @Test
    void lossDecreasesOverTheFirst200Steps() {
        List<Double> losses = summary.stepLosses();
        assertEquals(200, losses.size());
        double first = losses.subList(0, 50).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(150, 200).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("mean BCE loss, steps 1-50: %.4f, steps 151-200: %.4f; dev spearman %.4f%n", first, last,
                summary.bestDevSpearman());
        assertTrue(last < first - 0.02, "loss did not decrease: " + first + " -> " + last);
        assertTrue(summary.bestDevSpearman() > 0.5, "dev spearman " + summary.bestDevSpearman());
    }

    @Test
    void savedFolderHasHuggingFaceLayout() {
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"}) {
            assertTrue(Files.isRegularFile(saved.resolve(f)), f);
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary folders left beside the model");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reloadedModelGivesTheSameDevSpearmanTo4Decimals() {
        try (CrossEncoder ce = new CrossEncoderLoader(TestModels.catalog()).open(saved.toString(), EngineChoice.PYTORCH, 32,
                ScoreActivation.SIGMOID, null)) {
            double[] scores = ce.predict(dev.sentences1(), dev.sentences2());
            double spearman = Correlation.spearman(scores, dev.scores());
            assertEquals(summary.bestDevSpearman(), spearman, 5e-5);
        }
    }

    @Test
    void sameSeedSameDataSameFirstLosses() {
        TrainingOptions o = TrainingOptions.defaults().withEpochs(1).withBatchSize(4).withMaxSeqLength(48);
        PairDataset tiny = head(train, 24);
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            TrainingSummary s = new TrainingService(TestModels.catalog()).train(TrainingService.Kind.CROSS, "all-MiniLM-L6-v2",
                    tiny, head(dev, 20), o, new double[] {0, 5}, dir.resolve("det" + r), false, TrainingListener.NONE, () -> false);
            runs[r] = s.stepLosses().stream().mapToDouble(Double::doubleValue).toArray();
        }
        assertEquals(6, runs[0].length);
        for (int i = 0; i < runs[0].length; i++) {
            assertEquals(runs[0][i], runs[1][i], 1e-6, "step " + (i + 1));
        }
    }

    /**
     * DJL's Rust engine (in the tokenizers jar) is an independent BERT implementation; it ignores
     * the attention mask, so it is compared at batch size 1 only. It also applies the classifier to
     * the [CLS] hidden state directly, skipping the pooler that Hugging Face's
     * BertForSequenceClassification (and ours) uses, so the check is in two parts: Rust's logit
     * against our classifier on our [CLS] state (body + classifier numerics), and the pooler
     * recomputed by hand in plain Java against our full logit.
     */
    @Test
    void logitsMatchDjlRustEngineAtBatchSizeOne() throws Exception {
        assertLogitsMatchRustEngine(saved);
    }

    /** The same check on a folder trained elsewhere: {@code -Dcrossbench.crossEncoderFolder=DIR}. */
    @Test
    void givenFolderMatchesDjlRustEngine() throws Exception {
        String folder = System.getProperty("crossbench.crossEncoderFolder");
        org.junit.jupiter.api.Assumptions.assumeTrue(folder != null && !folder.isBlank(), "no -Dcrossbench.crossEncoderFolder");
        assertLogitsMatchRustEngine(Path.of(folder));
    }

    private static void assertLogitsMatchRustEngine(Path saved) throws Exception {
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
            }
        }
    }
}

package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.TrainingService;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.eval.Correlation;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.testutil.RustEngineCheck;
import dev.crossbench.testutil.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small real fine-tuning run on the bundled sample pairs, then checks of what it saved. */
@Tag("slow")
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
        TrainingOptions o = TrainingOptions.builder().epochs(1).batchSize(2).learningRate(3e-5).maxSeqLength(64).build();
        summary = new TrainingService(TestModels.catalog()).train(TrainingService.Kind.CROSS, "all-MiniLM-L6-v2", train, dev, o,
                new double[] {0, 5}, saved, false, TrainingProgressListener.NONE, () -> false);
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
        TrainingOptions o = TrainingOptions.builder().epochs(1).batchSize(4).maxSeqLength(48).build();
        PairDataset tiny = head(train, 24);
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            TrainingSummary s = new TrainingService(TestModels.catalog()).train(TrainingService.Kind.CROSS, "all-MiniLM-L6-v2",
                    tiny, head(dev, 20), o, new double[] {0, 5}, dir.resolve("det" + r), false, TrainingProgressListener.NONE, () -> false);
            runs[r] = s.stepLosses().stream().mapToDouble(Double::doubleValue).toArray();
        }
        assertEquals(6, runs[0].length);
        for (int i = 0; i < runs[0].length; i++) {
            assertEquals(runs[0][i], runs[1][i], 1e-6, "step " + (i + 1));
        }
    }

    /** Our logits against DJL's Rust engine (see {@link RustEngineCheck}). */
    @Test
    void logitsMatchDjlRustEngineAtBatchSizeOne() throws Exception {
        RustEngineCheck.assertLogitsMatch(saved);
    }

    /** The same check on a folder trained elsewhere: {@code -Dcrossbench.crossEncoderFolder=DIR}. */
    @Test
    void givenFolderMatchesDjlRustEngine() throws Exception {
        String folder = System.getProperty("crossbench.crossEncoderFolder");
        org.junit.jupiter.api.Assumptions.assumeTrue(folder != null && !folder.isBlank(), "no -Dcrossbench.crossEncoderFolder");
        RustEngineCheck.assertLogitsMatch(Path.of(folder));
    }
}

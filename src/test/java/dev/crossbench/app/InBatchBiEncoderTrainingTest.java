package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.data.RankingGroupFile;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.search.HardNegativeMiner;
import dev.crossbench.testutil.TestModels;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingSummary;
import dev.crossbench.train.eval.GroupRankingMetric;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bi-encoder trained with MultipleNegativesRankingLoss on ranking groups mined from the sample collection:
 * one hard negative per example besides the batch's other documents; the epoch is judged by dev nDCG@10.
 */
@Tag("slow")
class InBatchBiEncoderTrainingTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final int BATCH = 8;

    @TempDir
    static Path dir;

    static List<RankingGroup> train;
    static List<RankingGroup> dev;
    static TrainingSummary summary;
    static Path saved;

    @BeforeAll
    static void mineAndTrain() {
        RetrievalData data = RetrievalData.read(SAMPLE.resolve("corpus.jsonl"), SAMPLE.resolve("queries.jsonl"),
                SAMPLE.resolve("qrels.tsv"));
        try (BiEncoder bi = new BiEncoderLoader(TestModels.catalog()).open(TestModels.catalog().resolve("all-MiniLM-L6-v2"),
                EngineChoice.ONNXRUNTIME)) {
            new NegativeMiningService(new CorpusIndexer(new EmbeddingStore(dir.resolve("cache"), 128))).mine(data, bi,
                    RetrievalSettings.DEFAULTS, new HardNegativeMiner.Options(20, 19, 0), 0.25, NegativeMiningService.Format.GROUPS,
                    dir.resolve("train.jsonl"), dir.resolve("dev.jsonl"), TaskProgress.NONE, () -> false);
        }
        train = RankingGroupFile.read(dir.resolve("train.jsonl"));
        dev = RankingGroupFile.read(dir.resolve("dev.jsonl"));
        saved = dir.resolve("mnrl");
        TrainingOptions o = TrainingOptions.builder().epochs(1).batchSize(BATCH).learningRate(5e-5).maxSeqLength(64).build();
        summary = new TrainingService(TestModels.catalog()).trainInBatch("all-MiniLM-L6-v2", dir.resolve("train.jsonl"),
                dir.resolve("dev.jsonl"), o, 1, saved, false, TrainingProgressListener.NONE, () -> false);
    }

    @Test
    void oneStepPerBatchOfExamplesAndLossBelowChance() {
        int examples = train.stream().mapToInt(g -> g.positives().size()).sum();
        List<Double> losses = summary.stepLosses();
        assertEquals((examples + BATCH - 1) / BATCH, losses.size());
        double mean = losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("MNRL: %d examples, mean loss %.4f (chance: log %d = %.4f), dev nDCG@10 %.4f%n", examples, mean,
                2 * BATCH, Math.log(2 * BATCH), summary.bestDevSpearman());
        // a pretrained retriever already puts most positives first among 2 x 8 candidates
        assertTrue(mean < Math.log(2 * BATCH) / 2, "mean loss " + mean);
        assertEquals(GroupRankingMetric.NAME, summary.epochs().get(0).selectionMetric());
        assertTrue(Double.isNaN(summary.epochs().get(0).devSpearman()), "no pooled Spearman for a ranking run");
        assertEquals(1, summary.bestEpoch());
    }

    @Test
    void savedBiEncoderReloadsWithTheSameDevNdcg() {
        try (BiEncoder bi = new BiEncoderLoader(TestModels.catalog()).open(TestModels.catalog().resolve(saved.toString()),
                EngineChoice.PYTORCH)) {
            double ndcg = GroupRankingMetric.ndcgAt10(dev, pairs -> cosines(bi, pairs));
            assertEquals(summary.bestDevSpearman(), ndcg, 1e-4);
        }
    }

    private static double[] cosines(BiEncoder bi, List<LabeledPair> pairs) {
        float[][] q = bi.encodeQueries(pairs.stream().map(LabeledPair::sentence1).toList());
        float[][] d = bi.encodeDocuments(pairs.stream().map(LabeledPair::sentence2).toList(), EncodeProgress.NONE, () -> false);
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            double dot = 0;
            double nq = 0;
            double nd = 0;
            for (int k = 0; k < q[i].length; k++) {
                dot += q[i][k] * d[i][k];
                nq += q[i][k] * q[i][k];
                nd += d[i][k] * d[i][k];
            }
            out[i] = dot / Math.sqrt(nq * nd);
        }
        return out;
    }
}

package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.DataFormatException;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.data.RankingGroupFile;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.search.HardNegativeMiner;
import dev.crossbench.testutil.TestModels;
import dev.crossbench.train.eval.GroupRankingMetric;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reranker training as issue 4 runs it on SciFact, on the sample collection: ranking groups mined by the
 * bi-encoder, a cross-encoder trained with the listwise loss, the best epoch picked by dev nDCG@10 and saved.
 */
@Tag("slow")
class ListwiseRerankerTrainingTest {
    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    static Path dir;

    static RetrievalData data;
    static NegativeMiningService.Result mined;
    static List<RankingGroup> train;
    static List<RankingGroup> dev;
    static TrainingSummary summary;
    static Path saved;

    @BeforeAll
    static void mineAndTrain() {
        data = RetrievalData.read(SAMPLE.resolve("corpus.jsonl"), SAMPLE.resolve("queries.jsonl"), SAMPLE.resolve("qrels.tsv"));
        try (BiEncoder bi = new BiEncoderLoader(TestModels.catalog()).open(TestModels.catalog().resolve("all-MiniLM-L6-v2"),
                EngineChoice.ONNXRUNTIME)) {
            mined = new NegativeMiningService(new CorpusIndexer(new EmbeddingStore(dir.resolve("cache"), 128))).mine(data, bi,
                    RetrievalSettings.DEFAULTS, new HardNegativeMiner.Options(20, 19, 0), 0.25, NegativeMiningService.Format.GROUPS,
                    dir.resolve("train.jsonl"), dir.resolve("dev.jsonl"), TaskProgress.NONE, () -> false);
        }
        train = RankingGroupFile.read(dir.resolve("train.jsonl"));
        dev = RankingGroupFile.read(dir.resolve("dev.jsonl"));
        saved = dir.resolve("reranker");
        TrainingOptions o = TrainingOptions.builder().epochs(2).batchSize(4).learningRate(5e-5).maxSeqLength(64).build();
        summary = new TrainingService(TestModels.catalog()).trainRanking("all-MiniLM-L6-v2", dir.resolve("train.jsonl"),
                dir.resolve("dev.jsonl"), o, 3, saved, false, TrainingProgressListener.NONE, () -> false);
    }

    @Test
    void groupsHoldEachQuerysJudgedDocumentsAndUnjudgedHits() {
        assertEquals(48, mined.trainQueries() + mined.devQueries());
        assertEquals(12, mined.devQueries());
        assertEquals(36, train.size());
        assertEquals(12, dev.size());
        for (List<RankingGroup> part : List.of(train, dev)) {
            for (RankingGroup g : part) {
                Map<String, Integer> judged = data.qrels().judgements(g.queryId());
                List<String> relevantTexts = new ArrayList<>();
                data.corpus().documents().stream().filter(d -> judged.getOrDefault(d.id(), 0) > 0)
                        .forEach(d -> relevantTexts.add(d.title() + " " + d.text()));
                assertEquals(relevantTexts.size(), g.positives().size(), g.queryId());
                assertTrue(relevantTexts.containsAll(g.positives()), g.queryId());
                assertTrue(g.negatives().size() <= 19 && g.negatives().size() >= 20 - relevantTexts.size(), g.queryId());
                assertFalse(g.negatives().stream().anyMatch(relevantTexts::contains), "a judged document mined as negative");
            }
        }
    }

    @Test
    void lossStartsAtLogGroupSizeAndFalls() {
        List<Double> losses = summary.stepLosses();
        int perEpoch = losses.size() / 2;
        double first = losses.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(perEpoch, losses.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("listwise loss: first 5 steps %.4f (log 4 = %.4f), epoch 2 %.4f; dev nDCG@10 by epoch %s%n", first,
                Math.log(4), last, summary.epochs().stream().map(e -> String.format("%.4f", e.selectionValue())).toList());
        // A new classifier head scores every candidate about equally: softmax loss ~ log(1 relevant + 3 negatives).
        assertEquals(Math.log(4), first, 0.2);
        // Measured: loss 1.387 -> 1.167, dev nDCG@10 0.516 -> 0.635 (20 training queries instead: 0.366 -> 0.455).
        assertTrue(last < first - 0.1, "loss did not fall: " + first + " -> " + last);
        assertEquals(GroupRankingMetric.NAME, summary.epochs().get(0).selectionMetric());
        assertTrue(Double.isNaN(summary.epochs().get(0).devSpearman()), "no pooled Spearman for a ranking run");
        double epoch1 = summary.epochs().get(0).selectionValue();
        double epoch2 = summary.epochs().get(1).selectionValue();
        assertTrue(epoch2 > epoch1 + 0.03, "dev nDCG@10 did not rise: " + epoch1 + " -> " + epoch2);
        assertEquals(2, summary.bestEpoch());
        assertEquals(epoch2, summary.bestDevSpearman());
    }

    @Test
    void savedRerankerReloadsWithTheSameDevNdcg() {
        try (CrossEncoder ce = new CrossEncoderLoader(TestModels.catalog()).open(saved.toString(), EngineChoice.PYTORCH, 32,
                ScoreActivation.SIGMOID, null)) {
            double ndcg = GroupRankingMetric.ndcgAt10(dev, pairs -> ce.predict(
                    pairs.stream().map(LabeledPair::sentence1).toList(), pairs.stream().map(LabeledPair::sentence2).toList()));
            assertEquals(summary.bestDevSpearman(), ndcg, 1e-4);
        }
    }

    @Test
    void aPairFileGivenToListwiseTrainingIsRefusedByName() throws Exception {
        Path pairs = java.nio.file.Files.writeString(dir.resolve("pairs.jsonl"), "{\"sentence1\":\"q\",\"sentence2\":\"d\",\"score\":1}\n");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> new TrainingService(TestModels.catalog()).trainRanking("all-MiniLM-L6-v2", pairs, dir.resolve("dev.jsonl"),
                        TrainingOptions.defaults(), 3, dir.resolve("never"), false, TrainingProgressListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("pairs.jsonl") && e.getMessage().contains("mine-negatives --groups"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(dir.resolve("never")));
    }
}

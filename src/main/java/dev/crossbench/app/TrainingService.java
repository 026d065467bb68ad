package dev.crossbench.app;

import ai.djl.Device;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.data.RankingGroupFile;
import dev.crossbench.data.ScoreRange;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.train.BiEncoderTrainer;
import dev.crossbench.train.CrossEncoderTrainer;
import dev.crossbench.train.PairTrainer;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Fine-tunes a bi- or cross-encoder on labeled pairs; used by `crossbench train` and the training dialog. */
public final class TrainingService {
    /** Which architecture to train. */
    public enum Kind { CROSS, BI }

    private final ModelCatalog catalog;

    public TrainingService(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The score range: declared by the user, else observed over the training and dev pairs. */
    public static ScoreRange range(PairDataset train, PairDataset dev, double[] declared) {
        if (declared != null) {
            return ScoreRange.declared(declared[0], declared[1]);
        }
        double min = Math.min(train.minScore(), dev.isEmpty() ? train.minScore() : dev.minScore());
        double max = Math.max(train.maxScore(), dev.isEmpty() ? train.maxScore() : dev.maxScore());
        if (!(max > min)) {
            throw new CrossbenchException(train.name() + ": all gold scores are equal (" + min + "): nothing to learn");
        }
        return ScoreRange.declared(min, max);
    }

    public TrainingSummary train(Kind kind, String baseRef, Path trainFile, Path devFile, TrainingOptions options,
            double[] declaredRange, Path out, boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        PairDataset train = PairReader.read(trainFile);
        PairDataset dev = PairReader.read(devFile);
        return train(kind, baseRef, train, dev, options, declaredRange, out, overwrite, listener, cancelled);
    }

    public TrainingSummary train(Kind kind, String baseRef, PairDataset train, PairDataset dev, TrainingOptions options,
            double[] declaredRange, Path out, boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        ScoreRange range = range(train, dev, declaredRange);
        try (PairTrainer trainer = open(kind, baseRef, options)) {
            return trainer.train(train, dev, range, out, overwrite, listener, cancelled);
        }
    }

    /**
     * Fine-tunes a cross-encoder as a reranker on ranking groups (from {@code mine-negatives --groups}) with
     * the listwise softmax loss: {@code options.batchSize()} queries per step, each with one relevant
     * document and {@code negatives} of its hard negatives; the best epoch by dev nDCG@10 is saved.
     */
    public TrainingSummary trainRanking(String baseRef, Path trainFile, Path devFile, TrainingOptions options, int negatives,
            Path out, boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        List<RankingGroup> train = RankingGroupFile.read(trainFile);
        List<RankingGroup> dev = RankingGroupFile.read(devFile);
        try (CrossEncoderTrainer trainer = (CrossEncoderTrainer) open(Kind.CROSS, baseRef, options)) {
            return trainer.trainRanking(train, dev, negatives, out, overwrite, listener, cancelled);
        }
    }

    /**
     * Fine-tunes a bi-encoder for retrieval on ranking groups with in-batch negatives
     * ({@link dev.crossbench.train.loss.MultipleNegativesRankingLoss}): {@code options.batchSize()} (query, relevant
     * document) examples per step, each also against {@code hardNegatives} of its query's negatives; the best
     * epoch by dev nDCG@10 is saved.
     */
    public TrainingSummary trainInBatch(String baseRef, Path trainFile, Path devFile, TrainingOptions options,
            int hardNegatives, Path out, boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        List<RankingGroup> train = RankingGroupFile.read(trainFile);
        List<RankingGroup> dev = RankingGroupFile.read(devFile);
        try (BiEncoderTrainer trainer = (BiEncoderTrainer) open(Kind.BI, baseRef, options)) {
            return trainer.trainInBatch(train, dev, hardNegatives, out, overwrite, listener, cancelled);
        }
    }

    private PairTrainer open(Kind kind, String baseRef, TrainingOptions options) {
        ModelDescriptor base = catalog.resolve(baseRef);
        if (base.safetensors() == null) {
            throw new CrossbenchException(base.name() + ": training needs fp32 safetensors weights"
                    + (base.quantized() ? " (int8 ONNX models cannot be trained)" : ""));
        }
        Map<String, FloatTensor> weights = BertWeights.read(catalog.ensureSafetensors(base), base.config());
        Device device = PyTorchBertBackend.defaultDevice();
        int maxLen = Math.min(options.maxSeqLength(), base.config().maxPositionEmbeddings());
        TrainingOptions o = options.toBuilder().maxSeqLength(maxLen).build();
        return kind == Kind.CROSS ? new CrossEncoderTrainer(base, weights, o, device) : new BiEncoderTrainer(base, weights, o, device);
    }
}

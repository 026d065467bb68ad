package dev.crossbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.bert.CrossEncoderBlock;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.PairScorer;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.engine.TokenBatchArrays;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.text.Tokenized;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.train.eval.RerankingEvaluator;
import dev.crossbench.train.loss.ListwiseSoftmaxLoss;
import dev.crossbench.train.loss.PairLosses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Fine-tunes a {@code BertForSequenceClassification} cross-encoder with binary cross-entropy on
 * logits against gold scores normalised to [0, 1]. Starts from any BERT body (a bi-encoder's, with
 * a new pooler and classifier initialised as Hugging Face does) or from an existing cross-encoder.
 */
public final class CrossEncoderTrainer extends PairTrainer {
    private final ModelDescriptor base;
    private final CrossEncoderBlock block;
    private final TextTokenizer tokenizer;
    private final BertConfig config;

    public CrossEncoderTrainer(ModelDescriptor base, Map<String, FloatTensor> baseWeights, TrainingOptions options, Device device) {
        super(options, device);
        this.base = base;
        this.config = withOneLabel(base.config());
        this.block = new CrossEncoderBlock(config);
        List<String> newHead = List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight", "classifier.bias");
        BertWeights.load(block.parametersByName(), block.expectedShapes(), baseWeights, manager, newHead, options.seed(),
                base.folder().toString());
        this.tokenizer = TextTokenizer.load(base.tokenizerJson(), options.maxSeqLength(), false);
    }

    private static BertConfig withOneLabel(BertConfig c) {
        return new BertConfig(c.vocabSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(), c.intermediateSize(),
                c.maxPositionEmbeddings(), c.typeVocabSize(), c.layerNormEps(), c.hiddenAct(), 1);
    }

    @Override
    protected Block block() {
        return block;
    }

    @Override
    protected Map<String, Parameter> parameters() {
        return block.parametersByName();
    }

    @Override
    protected Loss lossFunction() {
        return PairLosses.binaryCrossEntropy();
    }

    /**
     * Trains on ranking groups with {@link ListwiseSoftmaxLoss}: each step holds {@code batchSize} groups
     * of one relevant document and {@code negatives} of its query's negatives. The best epoch is the one
     * with the highest {@link RerankingEvaluator} figure (dev nDCG@10) over the dev groups.
     */
    public TrainingSummary trainRanking(List<RankingGroup> train, List<RankingGroup> dev, int negatives, Path out,
            boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        if (negatives < 1) {
            throw new CrossbenchException("negatives per group must be at least 1, got " + negatives);
        }
        RankingBatches batches = RankingBatches.forTraining(train, dev, negatives, options.batchSize(), options.seed(),
                "the training groups have no negatives: nothing to rank against");
        return run(rankingPlan(batches), new ListwiseSoftmaxLoss(batches.groupSize()), new RerankingEvaluator(dev), out,
                overwrite, listener, cancelled);
    }

    @Override
    protected NDList inputs(NDManager sub, List<LabeledPair> batch) {
        List<Tokenized> t = new ArrayList<>(batch.size());
        for (LabeledPair p : batch) {
            t.add(tokenizer.encodePair(p.sentence1(), p.sentence2()));
        }
        return TokenBatchArrays.of(sub, TokenBatch.pad(t));
    }

    @Override
    protected NDArray labels(NDManager sub, double[] normalised) {
        float[] f = new float[normalised.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) normalised[i];
        }
        return sub.create(f, new Shape(f.length, 1));
    }

    @Override
    protected double[] predict(List<LabeledPair> pairs) {
        List<String> a = new ArrayList<>(pairs.size());
        List<String> b = new ArrayList<>(pairs.size());
        for (LabeledPair p : pairs) {
            a.add(p.sentence1());
            b.add(p.sentence2());
        }
        // Evaluation shares the training block's weights: a scorer view without copying them.
        CrossEncoder view = new CrossEncoder("dev", tokenizer, new BlockScorer(), 64, ScoreActivation.SIGMOID);
        return view.predict(a, b);
    }

    @Override
    protected void writeModel(Path folder) throws IOException {
        List<FloatTensor> tensors = BertWeights.export(block.parametersByName(), "");
        CheckpointFiles.writeWeights(folder, tensors);
        CheckpointFiles.writeConfig(folder, config, "BertForSequenceClassification");
        CheckpointFiles.copyTokenizer(base.folder(), folder, options.maxSeqLength());
    }

    /** Forward passes of the training block in evaluation mode. */
    private final class BlockScorer implements PairScorer {
        private final ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(manager, false);

        @Override
        public float[] logits(TokenBatch batch) {
            return NoGrad.call(() -> TokenBatchArrays.forwardHead(block, store, manager, batch));
        }

        @Override
        public int numLabels() {
            return 1;
        }

        @Override
        public String description() {
            return "training block";
        }

        @Override
        public String engineName() {
            return "PyTorch";
        }

        @Override
        public void close() {
            // the weights belong to the trainer
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        super.close();
    }
}

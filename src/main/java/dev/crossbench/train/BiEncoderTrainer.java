package dev.crossbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.SentenceTransformersConfig;
import dev.crossbench.model.bert.BertModelBlock;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.engine.TokenBatchArrays;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.text.Tokenized;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.train.eval.RerankingEvaluator;
import dev.crossbench.train.loss.MultipleNegativesRankingLoss;
import dev.crossbench.train.loss.PairLosses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Fine-tunes a bi-encoder. On scored pairs with sentence-transformers' CosineSimilarityLoss: the mean
 * squared error between the cosine of the two pooled embeddings and the gold score normalised to [0, 1].
 * On ranking groups with {@link MultipleNegativesRankingLoss} ({@link #trainInBatch}): each query against
 * its relevant document, the batch's other documents and any hard negatives drawn from its group.
 */
public final class BiEncoderTrainer extends PairTrainer {
    private static final int EVAL_BATCH = 64;

    private final ModelDescriptor base;
    private final EncodeOptions encodeOptions;
    private final SiameseCosineBlock block;
    private final InBatchEmbeddingBlock inBatchBlock;
    private final TextTokenizer tokenizer;
    /** Texts per ranking group in a step when training with in-batch negatives; 0 for pair training. */
    private int inBatchGroupSize;

    public BiEncoderTrainer(ModelDescriptor base, Map<String, FloatTensor> baseWeights, TrainingOptions options, Device device) {
        super(options, device);
        this.base = base;
        this.encodeOptions = base.defaults().withMaxSeqLength(options.maxSeqLength());
        BertModelBlock body = new BertModelBlock(base.config(), false);
        BertWeights.load(body.parametersByName(), body.expectedShapes(), baseWeights, manager, List.of(), options.seed(),
                base.folder().toString());
        this.block = new SiameseCosineBlock(body, encodeOptions.pooling());
        this.inBatchBlock = new InBatchEmbeddingBlock(body, encodeOptions.pooling());
        this.tokenizer = TextTokenizer.load(base.tokenizerJson(), options.maxSeqLength(), false);
    }

    /** Cosine is symmetric: swapped copies would only repeat each pair. */
    @Override
    protected List<LabeledPair> trainingPairs(List<LabeledPair> given) {
        return new ArrayList<>(given);
    }

    /**
     * Trains with in-batch negatives on ranking groups ({@code mine-negatives --groups}): a step holds
     * {@code batchSize} (query, relevant document) examples, each with {@code hardNegatives} of its query's
     * negatives drawn afresh each epoch. The best epoch is the one with the highest {@link RerankingEvaluator}
     * figure (dev nDCG@10 of ranking each dev query's candidates by cosine).
     */
    public TrainingSummary trainInBatch(List<RankingGroup> train, List<RankingGroup> dev, int hardNegatives, Path out,
            boolean overwrite, TrainingProgressListener listener, BooleanSupplier cancelled) {
        if (hardNegatives < 0) {
            throw new CrossbenchException("hard negatives per example cannot be negative, got " + hardNegatives);
        }
        RankingBatches batches = RankingBatches.forTraining(train, dev, hardNegatives, options.batchSize(), options.seed(),
                hardNegatives > 0 ? "the training groups have no negatives to draw hard negatives from"
                        : "the training groups have no relevant documents");
        inBatchGroupSize = batches.groupSize();
        return run(rankingPlan(batches), new MultipleNegativesRankingLoss(), new RerankingEvaluator(dev), out, overwrite,
                listener, cancelled);
    }

    @Override
    protected Block block() {
        return inBatchGroupSize > 0 ? inBatchBlock : block;
    }

    @Override
    protected Map<String, Parameter> parameters() {
        return block.body().parametersByName();
    }

    @Override
    protected Loss lossFunction() {
        return PairLosses.cosineMse();
    }

    @Override
    protected NDList inputs(NDManager sub, List<LabeledPair> batch) {
        return inBatchGroupSize > 0 ? inBatchInputs(sub, batch) : pairInputs(sub, batch);
    }

    /** Side A then side B of each pair; retrieval runs encode a query and a document as retrieval does, with their prompts. */
    private NDList pairInputs(NDManager sub, List<LabeledPair> batch) {
        String promptA = inBatchGroupSize > 0 ? encodeOptions.queryPrompt() : encodeOptions.pairPrompt();
        String promptB = inBatchGroupSize > 0 ? encodeOptions.documentPrompt() : encodeOptions.pairPrompt();
        List<Tokenized> a = new ArrayList<>(batch.size());
        List<Tokenized> b = new ArrayList<>(batch.size());
        for (LabeledPair p : batch) {
            a.add(tokenizer.encode(promptA + p.sentence1()));
            b.add(tokenizer.encode(promptB + p.sentence2()));
        }
        return sides(sub, a, b);
    }

    /**
     * The batch holds groups of (query, relevant) then (query, hard negative)s: the anchors are the queries, the
     * candidates every group's relevant document (so candidate i is anchor i's positive) followed by the hard negatives.
     */
    private NDList inBatchInputs(NDManager sub, List<LabeledPair> batch) {
        List<Tokenized> anchors = new ArrayList<>();
        List<Tokenized> candidates = new ArrayList<>();
        List<Tokenized> negatives = new ArrayList<>();
        for (int g = 0; g < batch.size(); g += inBatchGroupSize) {
            LabeledPair relevant = batch.get(g);
            anchors.add(tokenizer.encode(encodeOptions.queryPrompt() + relevant.sentence1()));
            candidates.add(tokenizer.encode(encodeOptions.documentPrompt() + relevant.sentence2()));
            for (int i = g + 1; i < g + inBatchGroupSize; i++) {
                negatives.add(tokenizer.encode(encodeOptions.documentPrompt() + batch.get(i).sentence2()));
            }
        }
        candidates.addAll(negatives);
        return sides(sub, anchors, candidates);
    }

    private static NDList sides(NDManager sub, List<Tokenized> a, List<Tokenized> b) {
        NDList in = TokenBatchArrays.of(sub, TokenBatch.pad(a));
        in.addAll(TokenBatchArrays.of(sub, TokenBatch.pad(b)));
        return in;
    }

    @Override
    protected NDArray labels(NDManager sub, double[] normalised) {
        float[] f = new float[normalised.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) normalised[i];
        }
        return sub.create(f, new Shape(f.length));
    }

    @Override
    protected double[] predict(List<LabeledPair> pairs) {
        ParameterStore store = new ParameterStore(manager, false);
        double[] out = new double[pairs.size()];
        for (int start = 0; start < pairs.size(); start += EVAL_BATCH) {
            List<LabeledPair> batch = pairs.subList(start, Math.min(pairs.size(), start + EVAL_BATCH));
            try (NDManager sub = manager.newSubManager()) {
                float[] cos = NoGrad.call(() -> block.forward(store, pairInputs(sub, batch), false).head().toFloatArray());
                for (int i = 0; i < cos.length; i++) {
                    out[start + i] = cos[i];
                }
            }
        }
        return out;
    }

    @Override
    protected void writeModel(Path folder) throws IOException {
        List<FloatTensor> tensors = BertWeights.export(block.body().parametersByName(), "");
        CheckpointFiles.writeWeights(folder, tensors);
        CheckpointFiles.writeConfig(folder, base.config(), "BertModel");
        CheckpointFiles.copyTokenizer(base.folder(), folder, options.maxSeqLength());
        Map<String, String> prompts = new LinkedHashMap<>();
        if (!encodeOptions.queryPrompt().isEmpty()) {
            prompts.put("query", encodeOptions.queryPrompt());
        }
        if (!encodeOptions.documentPrompt().isEmpty()) {
            prompts.put("passage", encodeOptions.documentPrompt());
        }
        SentenceTransformersConfig.write(folder, encodeOptions.pooling(), encodeOptions.normalize(), options.maxSeqLength(),
                base.config().hiddenSize(), prompts);
    }

    @Override
    public void close() {
        tokenizer.close();
        super.close();
    }
}

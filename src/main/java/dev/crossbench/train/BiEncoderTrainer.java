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
import dev.crossbench.data.LabeledPair;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-tunes a bi-encoder with sentence-transformers' CosineSimilarityLoss: the mean squared error
 * between the cosine of the two pooled embeddings and the gold score normalised to [0, 1].
 */
public final class BiEncoderTrainer extends PairTrainer {
    private static final int EVAL_BATCH = 64;

    private final ModelDescriptor base;
    private final EncodeOptions encodeOptions;
    private final SiameseCosineBlock block;
    private final TextTokenizer tokenizer;

    public BiEncoderTrainer(ModelDescriptor base, Map<String, FloatTensor> baseWeights, TrainingOptions options, Device device) {
        super(options, device);
        this.base = base;
        this.encodeOptions = base.defaults().withMaxSeqLength(options.maxSeqLength());
        BertModelBlock body = new BertModelBlock(base.config(), false);
        BertWeights.load(body.parametersByName(), body.expectedShapes(), baseWeights, manager, List.of(), options.seed(),
                base.folder().toString());
        this.block = new SiameseCosineBlock(body, encodeOptions.pooling());
        this.tokenizer = TextTokenizer.load(base.tokenizerJson(), options.maxSeqLength(), false);
    }

    /** Cosine is symmetric: swapped copies would only repeat each pair. */
    @Override
    protected List<LabeledPair> trainingPairs(List<LabeledPair> given) {
        return new ArrayList<>(given);
    }

    @Override
    protected Block block() {
        return block;
    }

    @Override
    protected Map<String, Parameter> parameters() {
        return block.body().parametersByName();
    }

    @Override
    protected Loss lossFunction() {
        return Loss.l2Loss("cosine-mse", 1f);
    }

    @Override
    protected NDList inputs(NDManager sub, List<LabeledPair> batch) {
        List<Tokenized> a = new ArrayList<>(batch.size());
        List<Tokenized> b = new ArrayList<>(batch.size());
        for (LabeledPair p : batch) {
            a.add(tokenizer.encode(encodeOptions.pairPrompt() + p.sentence1()));
            b.add(tokenizer.encode(encodeOptions.pairPrompt() + p.sentence2()));
        }
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
                float[] cos = NoGrad.call(() -> block.forward(store, inputs(sub, batch), false).head().toFloatArray());
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
